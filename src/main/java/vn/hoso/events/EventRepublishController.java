package vn.hoso.events;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.DomainProblem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotFound;

/**
 * {@code POST /api/events/republish}, administrators only: the cases named ({@code {"caseIds": [...]}}, at most
 * {@value #MAX_IDS}) or the cases whose first event falls in a period of business dates ({@code {"from": "YYYY-MM-DD",
 * "to": "YYYY-MM-DD"}}, both days included) have their events sent to Kafka again from the log
 * ({@link EventRepublisher}). Answers 202 with the numbers of cases and events queued; the relay sends them.
 */
@RestController
class EventRepublishController {

    static final int MAX_IDS = 10_000;
    private static final Set<String> FIELDS = Set.of("caseIds", "from", "to");

    record Queued(int cases, long events) {
    }

    private final EventRepublisher republisher;
    private final ZoneId zone;

    EventRepublishController(EventRepublisher republisher, ZoneId businessZone) {
        this.republisher = republisher;
        this.zone = businessZone;
    }

    @PostMapping("/api/events/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued republish(@RequestBody JsonNode body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null || !user.isAdmin()) {
            throw new Forbidden("Not allowed", "Only administrators may re-publish events.");
        }
        List<String> cases = casesOf(body);
        EventRepublisher.Outcome outcome = republisher.republish(cases);
        return new Queued(outcome.cases(), outcome.events());
    }

    private List<String> casesOf(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            throw invalid(Map.of("body", "must be a JSON object with caseIds, or from and to"));
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.put(f, "is not a field of this request");
            }
        });
        boolean byIds = body.has("caseIds");
        boolean byPeriod = body.has("from") || body.has("to");
        if (byIds == byPeriod) {
            errors.put("caseIds", "give either caseIds or a period (from, to), not both nor neither");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return byIds ? namedCases(body.get("caseIds")) : casesInPeriod(body);
    }

    private List<String> namedCases(JsonNode ids) {
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw invalid(Map.of("caseIds", "must be an array of 1 to " + MAX_IDS + " case ids"));
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.textValue().isBlank() || id.textValue().length() > 100) {
                throw invalid(Map.of("caseIds", "every case id must be a non-empty string of at most 100 characters"));
            }
            wanted.add(id.textValue());
        }
        List<String> known = republisher.known(new ArrayList<>(wanted));
        if (known.size() < wanted.size()) {
            Set<String> unknown = new LinkedHashSet<>(wanted);
            known.forEach(unknown::remove);
            throw new NotFound("Unknown cases", "No events are recorded for " + unknown.size()
                    + " of the cases named; nothing was re-published.").with("unknownCaseIds", unknown);
        }
        return known;
    }

    private List<String> casesInPeriod(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(body, "from", errors);
        LocalDate to = date(body, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("to", "must not be before 'from'");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<String> cases = republisher.casesFirstRecordedIn(from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        if (cases.size() > EventRepublisher.MAX_CASES) {
            throw invalid(Map.of("to", "the period holds more than " + EventRepublisher.MAX_CASES
                    + " cases; re-publish it in shorter periods"));
        }
        return cases;
    }

    private static LocalDate date(JsonNode body, String field, Map<String, String> errors) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            errors.put(field, "is required (a date YYYY-MM-DD, business time zone)");
            return null;
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + value.textValue() + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    private static DomainProblem invalid(Map<String, String> errors) {
        return new InvalidRequest("Invalid re-publish request", errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")))
                .with("errors", errors);
    }
}
