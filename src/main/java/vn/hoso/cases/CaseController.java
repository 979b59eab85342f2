package vn.hoso.cases;

import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.InvalidRequest;

@RestController
class CaseController {

    private final CaseIntake intake;
    private final CaseFiles cases;

    CaseController(CaseIntake intake, CaseFiles cases) {
        this.intake = intake;
        this.cases = cases;
    }

    @PostMapping("/api/cases")
    ResponseEntity<CaseIntake.Received> receive(@RequestBody(required = false) JsonNode body) {
        CaseIntake.Received received = intake.receive(body, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + received.caseId())).body(received);
    }

    @GetMapping("/api/cases/{caseId}")
    CaseFile find(@PathVariable String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(null, "A caseId is a UUID.");
        }
        return cases.readable(id, CurrentUser.fromSecurityContext());
    }
}
