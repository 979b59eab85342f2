package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

/** TEMPORARY STUB until the events branch is merged. */
public record NewCaseEvent(String caseId, String type, String unitCode, OffsetDateTime time, Map<String, Object> data) {
}
