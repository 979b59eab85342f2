package vn.hoso.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/** TEMPORARY STUB until the events branch is merged. */
@Service
public class CaseEventLog {
    public final Map<String, List<NewCaseEvent>> stub = new ConcurrentHashMap<>();
    public Object append(NewCaseEvent event) {
        stub.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event);
        return null;
    }
}
