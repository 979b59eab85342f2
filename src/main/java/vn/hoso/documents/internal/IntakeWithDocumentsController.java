package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.hoso.cases.CaseIntake;
import vn.hoso.documents.CaseDocument;
import vn.hoso.identity.CurrentUser;
import vn.hoso.procedures.ProcedureCatalogue;

/**
 * Intake with documents: {@code POST /api/cases} as {@code multipart/form-data} with a {@code case} part (the JSON
 * of the JSON intake) and {@code file}/{@code component} pairs, in order, and optionally {@code digitizedFromPaper}.
 * The files are checked first; then, in one transaction, the case is received (as by the JSON intake) and the
 * documents are stored with their events. A refusal of either stores nothing.
 */
@RestController
class IntakeWithDocumentsController {

    /** The intake's answer plus the documents stored with the dossier. */
    record ReceivedWithDocuments(java.util.UUID caseId, String code, vn.hoso.cases.CaseStatus status,
                                 java.time.LocalDate dueDate, List<DocumentController.Added> documents) {
    }

    private final CaseIntake intake;
    private final Documents documents;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final ProcedureCatalogue catalogue;

    IntakeWithDocumentsController(CaseIntake intake, Documents documents, ObjectMapper json,
                                  PlatformTransactionManager transactions, ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.documents = documents;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    @PostMapping(path = "/api/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReceivedWithDocuments> receive(MultipartHttpServletRequest request) {
        Multipart.onlyParts(request, Set.of("case", "file", "component", "digitizedFromPaper"));
        JsonNode body = caseJson(request);
        List<MultipartFile> files = request.getFiles("file");
        String[] components = request.getParameterValues("component");
        int componentCount = components == null ? 0 : components.length;
        if (files.size() != componentCount) {
            throw Multipart.invalid("component", "Give one component per file, in the order of the files ("
                    + files.size() + " files, " + componentCount + " components).");
        }
        boolean scanned = Multipart.flag(request, "digitizedFromPaper");
        List<Documents.Upload> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            uploads.add(new Documents.Upload("file[" + i + "]", components[i], files.get(i)::getInputStream));
        }
        String procedureCode = body != null && body.path("procedureCode").isTextual()
                ? body.path("procedureCode").asText().strip() : null;
        CurrentUser user = CurrentUser.fromSecurityContext();
        // the case's own fields are checked by the intake (in the transaction, before anything is written); the
        // files' content before that, when the procedure is known
        boolean knownProcedure = procedureCode != null && catalogue.find(procedureCode).isPresent();
        List<Documents.Checked> checkedFirst = knownProcedure ? documents.checkAtIntake(procedureCode, uploads) : null;
        ReceivedWithDocuments answer = transaction.execute(status -> {
            CaseIntake.Received received = intake.receive(body, user);
            List<Documents.Checked> checked = checkedFirst != null ? checkedFirst
                    : documents.checkAtIntake(procedureCode, uploads);
            List<CaseDocument> added = documents.attachAtIntake(received.caseId(), checked, scanned, user);
            return new ReceivedWithDocuments(received.caseId(), received.code(), received.status(),
                    received.dueDate(), added.stream().map(DocumentController.Added::of).toList());
        });
        return ResponseEntity.created(URI.create("/api/cases/" + answer.caseId())).body(answer);
    }

    private JsonNode caseJson(MultipartHttpServletRequest request) {
        String text;
        MultipartFile part = request.getFile("case");
        String[] values = request.getParameterValues("case");
        try {
            if (part != null) {
                if (part.getSize() > 64 * 1024) {
                    throw Multipart.invalid("case", "The case part is at most 64 KB of JSON.");
                }
                text = new String(part.getBytes(), StandardCharsets.UTF_8);
            } else if (values != null && values.length == 1) {
                text = values[0];
            } else {
                throw Multipart.invalid("case", "Exactly one case part (the case as JSON) is required.");
            }
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw Multipart.invalid("case", "The case part is not JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
