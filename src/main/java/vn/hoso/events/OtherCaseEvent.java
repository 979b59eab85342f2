package vn.hoso.events;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** An event of a type this version does not know (a newer producer's): its data as published. */
public record OtherCaseEvent(String type, String caseId, String unitCode, JsonNode data) implements CaseEventData {

    @Override
    public Map<String, Object> toData() {
        Map<String, Object> map = new LinkedHashMap<>();
        data.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
