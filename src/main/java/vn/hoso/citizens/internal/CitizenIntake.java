package vn.hoso.citizens.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.hoso.cases.IntakeExtension;
import vn.hoso.platform.InvalidRequest.FieldError;
import vn.hoso.procedures.CaseKind;

/**
 * Citizens' part of intake: the applicant's optional contact ({@code applicant.email}, {@code applicant.phone},
 * validated with the rest of the request) and, for a procedure dossier, a new lookup PIN, answered once as
 * {@code pin} (with {@code lookupUrl} and {@code receipt}, the link to print Mẫu 01 with it).
 */
@Component
class CitizenIntake implements IntakeExtension {

    private final ApplicantContacts contacts;
    private final LookupPins pins;

    CitizenIntake(ApplicantContacts contacts, LookupPins pins) {
        this.contacts = contacts;
        this.pins = pins;
    }

    @Override
    public void validate(JsonNode body, CaseKind kind, List<FieldError> errors) {
        ApplicantContacts.read(body.get("applicant"), errors);
    }

    @Override
    public Map<String, Object> received(ReceivedCase received, JsonNode body) {
        if (received.kind() != CaseKind.PROCEDURE) {
            return Map.of();
        }
        contacts.store(received.caseId(), ApplicantContacts.read(body.get("applicant"), new ArrayList<>()));
        String pin = pins.issue(received.caseId(), received.code(), received.receivedAt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pin", pin);
        answer.put("receipt", "/api/cases/" + received.caseId() + "/receipt?pin=" + pin);
        return answer;
    }
}
