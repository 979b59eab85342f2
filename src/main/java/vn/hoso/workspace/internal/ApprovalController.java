package vn.hoso.workspace.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotAuthenticated;
import vn.hoso.workspace.BulkApproval;

/**
 * Bulk approval ({@link BulkApproval}): {@code /api/approvals} with HTTP Basic like the rest of the API, and
 * {@code /phe-duyet/api/approvals} for the approvals page in the leader's Tasklist session (the session's token
 * required for a change, as at the counter). Body: {@code {"taskIds": ["…", …]}}; the answer lists each task's
 * result.
 */
@RestController
class ApprovalController {

    record Answer(int approved, int refused, List<BulkApproval.Result> results) {
        static Answer of(List<BulkApproval.Result> results) {
            int approved = (int) results.stream().filter(BulkApproval.Result::approved).count();
            return new Answer(approved, results.size() - approved, results);
        }
    }

    private final BulkApproval approvals;
    private final TasklistSession sessions;

    ApprovalController(BulkApproval approvals, TasklistSession sessions) {
        this.approvals = approvals;
        this.sessions = sessions;
    }

    @GetMapping("/api/approvals")
    List<BulkApproval.Candidate> candidates() {
        return approvals.candidates(caller());
    }

    @PostMapping("/api/approvals")
    Answer approve(@RequestBody(required = false) JsonNode body) {
        return Answer.of(approvals.approve(taskIds(body), caller()));
    }

    @GetMapping("/phe-duyet/api/approvals")
    List<BulkApproval.Candidate> candidatesInSession(HttpServletRequest request) {
        return approvals.candidates(sessions.user(request));
    }

    @PostMapping("/phe-duyet/api/approvals")
    Answer approveInSession(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        sessions.checkToken(request);
        return Answer.of(approvals.approve(taskIds(body), sessions.user(request)));
    }

    private static CurrentUser caller() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null) {
            throw new NotAuthenticated(null, "Login required.");
        }
        return user;
    }

    private static List<String> taskIds(JsonNode body) {
        JsonNode ids = body == null ? null : body.get("taskIds");
        if (ids == null || !ids.isArray() || body.size() != 1) {
            throw new InvalidRequest(null, "The body is {\"taskIds\": [...]} and nothing else.",
                    List.of(new InvalidRequest.FieldError("taskIds", "An array of task ids, and no other field.")));
        }
        if (ids.size() > BulkApproval.MAX_TASKS) {
            throw new InvalidRequest(null, "At most " + BulkApproval.MAX_TASKS + " tasks at once.",
                    List.of(new InvalidRequest.FieldError("taskIds", "At most " + BulkApproval.MAX_TASKS
                            + " task ids.")));
        }
        List<String> result = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new InvalidRequest(null, "Task ids are strings.",
                        List.of(new InvalidRequest.FieldError("taskIds", "Task ids are strings.")));
            }
            result.add(id.asText());
        }
        return result;
    }
}
