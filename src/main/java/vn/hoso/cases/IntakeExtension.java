package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoso.platform.InvalidRequest.FieldError;
import vn.hoso.procedures.CaseKind;

/**
 * Another module's part of intake ({@code POST /api/cases}), so that {@code cases} needs to know nothing of it: the
 * extension validates its own fields of the request together with intake's (one 400 naming every bad field, nothing
 * written), then stores what it keeps in intake's transaction, and may add fields to the {@code 201} answer. Beans of
 * this type are called in their {@code @Order}.
 */
public interface IntakeExtension {

    /** Checks this extension's fields of {@code body} (a JSON object); adds an error per bad field; writes nothing. */
    void validate(JsonNode body, CaseKind kind, List<FieldError> errors);

    /**
     * In intake's transaction, after the case row and its {@code vn.hoso.case.received} event: stores what this
     * extension keeps of {@code body} and returns the fields it adds to the answer (empty for none).
     */
    Map<String, Object> received(ReceivedCase received, JsonNode body);

    /** The case just received, as an extension needs it. */
    record ReceivedCase(UUID caseId, String code, CaseKind kind, String procedureCode, String receivingUnit,
                        OffsetDateTime receivedAt, LocalDate dueDate) {
    }
}
