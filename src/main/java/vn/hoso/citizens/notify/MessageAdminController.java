package vn.hoso.citizens.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotFound;

/**
 * Operators' view of the applicants' messages: {@code GET /api/citizens/messages?status=DEAD|PENDING|SENT&limit=}
 * (no addresses, no text) and {@code POST /api/citizens/messages/{id}/retry} to queue a dead-lettered one again.
 * {@code POST /api/citizens/digest?day=} sends the officers' digest now (what the daily schedule does). Administrators
 * only.
 */
@RestController
class MessageAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DEAD");

    private final ApplicantMessages messages;
    private final OfficerDigest digest;
    private final BusinessClock clock;

    MessageAdminController(ApplicantMessages messages, OfficerDigest digest, BusinessClock clock) {
        this.messages = messages;
        this.digest = digest;
        this.clock = clock;
    }

    /** Sends the officers' digest of {@code day} (default today) to the units that have not had it yet. */
    @PostMapping("/api/citizens/digest")
    Map<String, Object> digest(@RequestParam(required = false) String day) {
        administrator();
        LocalDate date;
        try {
            date = day == null ? clock.today() : LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequest(null, "day is a date, YYYY-MM-DD.");
        }
        return Map.of("day", date.toString(), "unitsSent", digest.run(date));
    }

    @GetMapping("/api/citizens/messages")
    List<ApplicantMessages.Entry> list(@RequestParam(defaultValue = "DEAD") String status,
                                       @RequestParam(defaultValue = "100") int limit) {
        administrator();
        String s = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new InvalidRequest(null, "status is one of " + STATUSES + ".");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequest(null, "limit is 1 to 1000.");
        }
        return messages.list(s, limit);
    }

    @PostMapping("/api/citizens/messages/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        administrator();
        if (!messages.retry(id)) {
            throw new NotFound(null, "No dead-lettered message " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static void administrator() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null || !user.isAdmin()) {
            throw new Forbidden(null, "Administrators only.");
        }
    }
}
