package vn.hoso.workspace.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.cases.CaseIntake;
import vn.hoso.citizens.Receipts;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Forbidden;
import vn.hoso.procedures.Procedure;
import vn.hoso.documents.CaseDocument;
import vn.hoso.documents.CaseDocuments;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * The reception counter's API ({@code /tiep-nhan/api/**}), for the counter page in the officer's Tasklist session
 * ({@link TasklistSession}). Intake goes through {@link CaseIntake#receive}, exactly as {@code POST /api/cases}:
 * the same validation, the same problem+json answers naming each bad field, nothing stored on bad input, and the
 * same rule that only officers of the receiving unit receive there.
 */
@RestController
class CounterController {

    /** Where Tasklist opens one task directly (after its login when needed). */
    static final String TASK_LINK = "/camunda/app/tasklist/default/#/?task=";

    record UnitChoice(String code, String name, Tier tier) {
    }

    /** {@code units}: where the user receives (officer); {@code leads}: the units whose approvals are theirs. */
    record Session(String userId, String name, String token, LocalDate today, List<UnitChoice> units,
                   List<String> leads) {
    }

    record Leg(Tier tier, int days) {
    }

    /** A procedure the unit may receive today, with its dossier's components (the catalogue's). */
    record ProcedureChoice(String code, String name, String kind, int totalDays, List<Leg> route,
                           List<ProcedureComponent> components) {
    }

    /** The answer to a received case: what the applicant is told, and where the officer goes next. */
    record Receipt(UUID caseId, String code, String status, LocalDate dueDate, String taskUrl, String receiptUrl,
                   String pin) {
    }

    private final TasklistSession sessions;
    private final CaseIntake intake;
    private final ProcedureCatalogue catalogue;
    private final UnitRegistry units;
    private final BusinessClock clock;
    private final TaskService tasks;
    private final EngineAsSystem engine;
    private final ProcedureComponents components;
    private final CaseDocuments documents;
    private final Receipts receipts;

    CounterController(TasklistSession sessions, CaseIntake intake, ProcedureCatalogue catalogue, UnitRegistry units,
                      BusinessClock clock, TaskService tasks, EngineAsSystem engine, ProcedureComponents components,
                      CaseDocuments documents, Receipts receipts) {
        this.components = components;
        this.documents = documents;
        this.sessions = sessions;
        this.intake = intake;
        this.catalogue = catalogue;
        this.units = units;
        this.clock = clock;
        this.tasks = tasks;
        this.engine = engine;
        this.receipts = receipts;
    }

    @GetMapping("/tiep-nhan/api/session")
    Session session(HttpServletRequest request) {
        CurrentUser user = sessions.user(request);
        LocalDate today = clock.today();
        List<UnitChoice> receiving = user.groups().stream().map(Groups::unitOf).distinct()
                .filter(code -> code != null && user.groups().contains(Groups.officers(code)))
                .map(code -> units.unitOn(code, today).orElse(null))
                .filter(unit -> unit != null)
                .sorted(Comparator.comparing(Unit::code))
                .map(unit -> new UnitChoice(unit.code(), unit.name(), unit.tier()))
                .toList();
        List<String> leads = user.groups().stream().map(Groups::unitOf).distinct()
                .filter(code -> code != null && user.groups().contains(Groups.leaders(code))).sorted().toList();
        return new Session(user.userId(), sessions.displayName(user.userId()), sessions.token(request), today,
                receiving, leads);
    }

    @GetMapping("/tiep-nhan/api/procedures")
    List<ProcedureChoice> procedures(@RequestParam String unit, HttpServletRequest request) {
        CurrentUser user = sessions.user(request);
        if (!user.groups().contains(Groups.officers(unit))) {
            throw new Forbidden(null, "Chỉ cán bộ của đơn vị " + unit + " tiếp nhận hồ sơ tại đó (only officers of "
                    + "unit " + unit + " receive case files there).");
        }
        LocalDate today = clock.today();
        Unit receiving = units.unitOn(unit, today).orElseThrow(() -> new Forbidden(null,
                "Đơn vị " + unit + " không còn hiệu lực ngày " + today + " (no unit " + unit + " on " + today + ")."));
        List<Tier> inForce = units.tiersOn(today);
        return catalogue.all(today).stream()
                .filter(p -> p.canStartAt(receiving.tier(), inForce))
                .map(p -> choice(p, receiving.tier(), inForce))
                .toList();
    }

    @PostMapping("/tiep-nhan/api/cases")
    ResponseEntity<Receipt> receive(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        sessions.checkToken(request);
        CurrentUser user = sessions.user(request);
        CaseIntake.Received received = intake.receive(body, user);
        String taskId = engine.call(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(received.caseId().toString()).active().list().stream()
                .map(Task::getId).findFirst().orElse(null));
        // citizens' lookup PIN, answered once by intake: shown at the counter and printed on the receipt
        Object pin = received.extra().get("pin");
        Receipt receipt = new Receipt(received.caseId(), received.code(), received.status().name(),
                received.dueDate(), taskId == null ? null : TASK_LINK + taskId,
                pin == null ? null : "/tiep-nhan/api/cases/" + received.caseId() + "/receipt?pin=" + pin,
                pin == null ? null : pin.toString());
        return ResponseEntity.created(URI.create("/api/cases/" + received.caseId())).body(receipt);
    }

    /** The receipt Mẫu 01 in the counter's session: the same rules and PDF as {@code GET /api/cases/{id}/receipt}. */
    @GetMapping("/tiep-nhan/api/cases/{caseId}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable String caseId, @RequestParam(required = false) String pin,
                                   HttpServletRequest request) {
        Receipts.Pdf pdf = receipts.receipt(caseId, pin, sessions.user(request));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build()
                        .toString())
                .cacheControl(CacheControl.noStore()).body(pdf.bytes());
    }

    /**
     * A document of the case just received, attached at the counter (scanned from paper or brought as a file): the
     * Documents API's rules for the session's user, streamed.
     */
    @PostMapping(path = "/tiep-nhan/api/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseDocument> attach(@PathVariable UUID caseId, MultipartHttpServletRequest request) {
        sessions.checkToken(request);
        CaseDocument added = documents.add(caseId, request, sessions.user(request));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + added.documentId()))
                .body(added);
    }

    private ProcedureChoice choice(Procedure procedure, Tier receivingTier, List<Tier> inForce) {
        List<Leg> route = procedure.legs(receivingTier, inForce).stream().map(l -> new Leg(l.tier(), l.days()))
                .toList();
        return new ProcedureChoice(procedure.code(), procedure.name(), procedure.kind().name(),
                route.stream().mapToInt(Leg::days).sum(), route, components.of(procedure.code()));
    }
}
