package vn.hoso.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotAuthenticated;
import vn.hoso.platform.NotFound;

/**
 * A case's events as published, its chain verification, and the auditors' chain verification over a period.
 * Auditors and administrators read every case; officers and leaders the cases that have an event at one of their
 * units.
 */
@RestController
@RequestMapping("/api")
class CaseEventController {

    private final CaseEventLog log;
    private final ChainAudit audit;

    CaseEventController(CaseEventLog log, ChainAudit audit) {
        this.log = log;
        this.audit = audit;
    }

    /** The CloudEvents of the case in hososeq order, byte for byte as on Kafka. */
    @GetMapping("/cases/{caseId}/events")
    ResponseEntity<String> events(@PathVariable String caseId) {
        List<RecordedEvent> events = readable(caseId);
        String body = events.stream().map(RecordedEvent::toCloudEventJson).collect(Collectors.joining(",", "[", "]"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/cases/{caseId}/events/verify")
    ChainVerification verify(@PathVariable String caseId) {
        readable(caseId);
        return log.verify(caseId);
    }

    @PostMapping("/audit/verify")
    ChainAudit.Report auditPeriod(@RequestBody JsonNode body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null || !(user.isAuditor() || user.isAdmin())) {
            throw new Forbidden("Not allowed",
                    "Only auditors and administrators may verify the event log over a period.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(body, "from", errors);
        LocalDate to = date(body, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("to", "must not be before 'from'");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Invalid audit period", errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")))
                    .with("errors", errors);
        }
        return audit.audit(from, to);
    }

    private static LocalDate date(JsonNode body, String field, Map<String, String> errors) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            errors.put(field, "is required (a date YYYY-MM-DD, business time zone)");
            return null;
        }
        if (!value.isTextual()) {
            errors.put(field, "must be a date YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + value.textValue() + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    /** The case's events if the caller may read them: 404 for an unknown case, 403 for a case of other units. */
    private List<RecordedEvent> readable(String caseId) {
        List<RecordedEvent> events = log.eventsOf(caseId);
        if (events.isEmpty()) {
            throw new NotFound("Unknown case", "No events are recorded for case '" + caseId + "'.")
                    .with("caseId", caseId);
        }
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null) {
            throw new NotAuthenticated("Unauthorized", "Authentication required (HTTP Basic).");
        }
        if (user.isAuditor() || user.isAdmin()) {
            return events;
        }
        Set<String> units = events.stream().map(RecordedEvent::unitCode).collect(Collectors.toSet());
        if (user.unitCodes().stream().noneMatch(units::contains)) {
            throw new Forbidden("Not allowed",
                    "Only auditors, administrators and the officers and leaders of the units the case passed "
                            + "through may read its events.");
        }
        return events;
    }
}
