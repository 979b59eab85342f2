package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.cases.CaseModel;
import vn.hoso.cases.CaseStatus;
import vn.hoso.documents.CaseDocument;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.DocumentAttached;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotAuthenticated;
import vn.hoso.platform.NotFound;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;

/**
 * The rules of case documents: who may add and read them (from the case tables, never from the request), which
 * components a case takes, the checks of the content and the limits, and the one way a document is added — its bytes
 * in the store by SHA-256, its row and its {@code vn.hoso.document.attached} event in one transaction.
 */
@Service
public class Documents {

    /** A file of an upload: its form part, component code, and its bytes (re-openable, e.g. the multipart's file). */
    public record Upload(String part, String component, DocumentStore.Source source) {
    }

    /** An upload that passed every check, ready to store. */
    public record Checked(ProcedureComponent component, ContentInspector.Inspected content, DocumentStore.Source source) {
    }

    static final String RECEPTION = "RECEPTION";
    static final String PROCESSING = "PROCESSING";
    static final String RESULT = "RESULT";
    private static final Pattern COMPONENT = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.PROCESSING,
            CaseStatus.SUPPLEMENTATION_REQUESTED, CaseStatus.AWAITING_PAYMENT); // issue 12: payment pause is open

    private final CaseFiles cases;
    private final ProcedureComponents components;
    private final DocumentStore store;
    private final DocumentTable table;
    private final CaseEventLog events;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;
    private final TaskService tasks;
    private final EngineAsSystem engine;
    private final DocumentsProperties properties;

    Documents(CaseFiles cases, ProcedureComponents components, DocumentStore store, DocumentTable table,
              CaseEventLog events, BusinessClock clock, PlatformTransactionManager transactions, TaskService tasks,
              EngineAsSystem engine, DocumentsProperties properties) {
        this.cases = cases;
        this.components = components;
        this.store = store;
        this.table = table;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.tasks = tasks;
        this.engine = engine;
        this.properties = properties;
    }

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    public long maxCaseSize() {
        return properties.maxCaseSize().toBytes();
    }

    // ---------------------------------------------------------------- reading

    /** The case's documents, for the officers and leaders of the units it has been at (403 for others). */
    public List<CaseDocument> list(UUID caseId, CurrentUser user) {
        readableCase(caseId, user);
        return table.of(caseId);
    }

    /** One document of the case and its bytes, for the same readers as {@link #list}. */
    public Content content(UUID caseId, UUID documentId, CurrentUser user) {
        CaseFile file = readableCase(caseId, user);
        CaseDocument document = table.find(caseId, documentId).orElseThrow(() -> new NotFound("Unknown document",
                "Case " + caseId + " has no document " + documentId + "."));
        InputStream bytes = store.open(document.sha256()).orElseThrow(() -> new IllegalStateException(
                "The stored object of document " + documentId + " (sha256 " + document.sha256() + ") is gone"));
        return new Content(file.code(), document, bytes);
    }

    /** A document's bytes, streamed from the store: the caller closes it. */
    public record Content(String caseCode, CaseDocument document, InputStream bytes) {
    }

    /** The case if the caller may read its documents: officers and leaders of a unit it has been at, nobody else. */
    CaseFile readableCase(UUID caseId, CurrentUser user) {
        if (user == null) {
            throw new NotAuthenticated("Unauthorized", "Authentication required (HTTP Basic).");
        }
        CaseFile file = cases.find(caseId).orElseThrow(() -> new NotFound("Unknown case", "No case " + caseId + "."));
        if (!visitedUnits(file).stream().anyMatch(user.unitCodes()::contains)) {
            throw new Forbidden("Not allowed", "Only the officers and leaders of the units case " + caseId
                    + " has been at may read its documents.");
        }
        return file;
    }

    static Set<String> visitedUnits(CaseFile file) {
        Set<String> units = new HashSet<>();
        if (file.receivingUnit() != null) {
            units.add(file.receivingUnit());
        }
        file.segments().forEach(s -> units.add(s.unitCode()));
        return units;
    }

    // ---------------------------------------------------------------- adding at a step

    /**
     * Adds a document to a case that is being worked: by an officer of the unit the case is at now (from the case
     * tables), while it is open; the result document ({@code KET_QUA}) only while the case's issue step is open.
     */
    /** The one document of an upload request ({@link Multipart#single}), added as {@code user}. */
    public CaseDocument addFrom(UUID caseId, org.springframework.web.multipart.MultipartHttpServletRequest request,
                                CurrentUser user) {
        Multipart.SingleUpload upload = Multipart.single(request);
        return add(caseId, upload.upload(), upload.digitizedFromPaper(), user);
    }

    public CaseDocument add(UUID caseId, Upload upload, boolean digitizedFromPaper, CurrentUser user) {
        if (user == null) {
            throw new NotAuthenticated("Unauthorized", "Authentication required (HTTP Basic).");
        }
        CaseFile file = cases.find(caseId).orElseThrow(() -> new NotFound("Unknown case", "No case " + caseId + "."));
        String unit = file.currentUnit();
        if (unit == null || !user.groups().contains(Groups.officers(unit))) {
            if (visitedUnits(file).stream().noneMatch(user.unitCodes()::contains)) {
                throw new Forbidden("Not allowed", "Only the officers of the unit case " + caseId
                        + " is at may add documents to it.");
            }
            throw new Forbidden("Not allowed", "Only the officers of unit " + unit + ", where case " + caseId
                    + " is now, may add documents to it.");
        }
        if (!OPEN.contains(file.status())) {
            throw new vn.hoso.platform.Conflict("Case closed", "Case " + caseId + " is " + file.status()
                    + ": its documents can no longer change.");
        }
        ProcedureComponent component = component(file.procedureCode(), upload.component(), upload.part());
        String stage;
        if (component.equals(ProcedureComponent.RESULT)) {
            if (!stepOpen(caseId, CaseModel.ISSUE)) {
                throw new vn.hoso.platform.Conflict("Not at the issue step", "The result document ("
                        + ProcedureComponent.RESULT.code() + ") is added at the issue step, which is not open for case "
                        + caseId + ".");
            }
            stage = RESULT;
        } else {
            // at reception while the case's receive step is open (the engine's task, not the caller, says so)
            stage = file.status() == CaseStatus.RECEIVED && stepOpen(caseId, CaseModel.RECEIVE) ? RECEPTION
                    : PROCESSING;
        }
        if (digitizedFromPaper && !RECEPTION.equals(stage)) {
            throw new InvalidRequest(null, "digitizedFromPaper: only documents scanned at reception are "
                    + "digitized from paper.", List.of(new InvalidRequest.FieldError("digitizedFromPaper",
                    "Only at reception (the receive step).")));
        }
        Checked checked = inspect(component, upload);
        long used = table.totalSize(caseId);
        if (used + checked.content().size() > maxCaseSize()) {
            throw UploadRefused.caseFull(maxCaseSize(), used);
        }
        put(checked);
        return transaction.execute(status -> record(caseId, List.of(checked), stage, digitizedFromPaper, unit,
                user.userId()).get(0));
    }

    private boolean stepOpen(UUID caseId, String step) {
        return engine.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey(step).active().count() > 0);
    }

    // ---------------------------------------------------------------- adding at intake

    /**
     * Checks the files given with a dossier at intake against the procedure's components (before the case exists):
     * known, non-repeated unless the component takes several files, content and size.
     */
    public List<Checked> checkAtIntake(String procedureCode, List<Upload> uploads) {
        List<Checked> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Upload upload : uploads) {
            ProcedureComponent component = component(procedureCode, upload.component(), upload.part());
            if (component.equals(ProcedureComponent.RESULT)) {
                throw invalid(upload.part(), "The result document is added at the issue step, not at intake.");
            }
            if (!seen.add(component.code()) && !component.multiple()) {
                throw invalid(upload.part(), "Component " + component.code() + " takes one file.");
            }
            Checked c = inspect(component, upload);
            total += c.content().size();
            if (total > maxCaseSize()) {
                throw UploadRefused.caseFull(maxCaseSize(), total - c.content().size());
            }
            checked.add(c);
        }
        return checked;
    }

    /**
     * Stores the checked files of a dossier just received (inside the intake's transaction): objects, rows and
     * events, at the receiving unit, stage RECEPTION.
     */
    public List<CaseDocument> attachAtIntake(UUID caseId, List<Checked> checked, boolean digitizedFromPaper,
                                             CurrentUser user) {
        CaseFile file = cases.find(caseId).orElseThrow();
        checked.forEach(this::put);
        return record(caseId, checked, RECEPTION, digitizedFromPaper, file.receivingUnit(), user.userId());
    }

    // ---------------------------------------------------------------- shared

    private ProcedureComponent component(String procedureCode, String code, String part) {
        if (code == null || code.isBlank()) {
            throw invalid("component", "Required: a component code of the case's procedure (GET /api/procedures).");
        }
        if (!COMPONENT.matcher(code).matches()) {
            throw invalid("component", "A component code is A-Z, 0-9 and _ (GET /api/procedures lists them).");
        }
        return components.find(procedureCode, code).orElseThrow(() -> invalid("component", "Procedure "
                + procedureCode + " has no component " + code + " (GET /api/procedures lists them)."));
    }

    private static InvalidRequest invalid(String field, String message) {
        return new InvalidRequest(null, field + ": " + message, List.of(new InvalidRequest.FieldError(field, message)));
    }

    private Checked inspect(ProcedureComponent component, Upload upload) {
        try {
            return new Checked(component, ContentInspector.inspect(upload.source(), maxFileSize(), upload.part()),
                    upload.source());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }

    private void put(Checked c) {
        store.put(c.content().sha256(), c.content().size(), c.content().mediaType(), c.source());
    }

    private List<CaseDocument> record(UUID caseId, List<Checked> checked, String stage, boolean digitizedFromPaper,
                                      String unit, String userId) {
        table.lockCase(caseId);
        long used = table.totalSize(caseId);
        long adding = checked.stream().mapToLong(c -> c.content().size()).sum();
        if (used + adding > maxCaseSize()) {
            throw UploadRefused.caseFull(maxCaseSize(), used);
        }
        List<CaseDocument> added = new ArrayList<>();
        for (Checked c : checked) {
            CaseDocument d = new CaseDocument(UUID.randomUUID(), caseId, c.component().code(),
                    table.nextVersion(caseId, c.component().code()), c.content().mediaType(), c.content().size(),
                    c.content().sha256(), clock.now(), unit, digitizedFromPaper, stage);
            table.insert(d, userId);
            events.append(d.addedAt(), new DocumentAttached(caseId.toString(), d.documentId().toString(),
                    d.component(), d.sha256(), d.size(), d.mediaType(), d.stage(), unit, d.digitizedFromPaper()));
            added.add(d);
        }
        return added;
    }

    /** The required components of the case's procedure that none of its documents is given as (reception). */
    public List<ProcedureComponent> missingRequired(String procedureCode, List<CaseDocument> documents) {
        Set<String> given = new HashSet<>();
        documents.forEach(d -> given.add(d.component()));
        return components.of(procedureCode).stream().filter(ProcedureComponent::required)
                .filter(c -> !given.contains(c.code())).toList();
    }

    Optional<String> rehash(String sha256) {
        return store.rehash(sha256);
    }
}
