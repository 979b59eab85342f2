package vn.hoso.documents.internal;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseModel;
import vn.hoso.documents.CaseDocument;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.NotAuthenticated;
import vn.hoso.platform.NotFound;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;

/**
 * The documents in Camunda Tasklist (the "Giấy tờ" tab of every task, {@code tasklist/scripts/documents.js}): the
 * same rules as the Documents API ({@link Documents}), for the user logged into the Tasklist session, so that links
 * open without a second login. Uploads need the session's XSRF token in {@code X-XSRF-TOKEN}, as Tasklist's own
 * requests do. The case of a task is its process instance's business key, read from the engine, never from the
 * request.
 */
@RestController
class TasklistDocumentsController {

    static final String BASE = "/tasklist-documents";
    /** The steps where the Tasklist lets an officer add files. */
    static final Set<String> ADDING_STEPS = Set.of(CaseModel.RECEIVE, CaseModel.ISSUE);

    record TaskDocuments(UUID caseId, String caseCode, String step, boolean canAdd,
                         List<ProcedureComponent> components, List<ProcedureComponent> missingRequired,
                         List<Listed> documents) {
    }

    record Listed(UUID documentId, String component, String componentName, int version, String mediaType,
                  long size, String sha256, java.time.OffsetDateTime addedAt, String addedBy,
                  boolean digitizedFromPaper, String stage, String url) {
    }

    private final Documents documents;
    private final DocumentController api;
    private final ProcedureComponents components;
    private final TaskService tasks;
    private final EngineAsSystem engine;
    private final RuntimeService runtime;

    TasklistDocumentsController(Documents documents, DocumentController api, ProcedureComponents components,
                                TaskService tasks, EngineAsSystem engine, RuntimeService runtime) {
        this.runtime = runtime;
        this.documents = documents;
        this.api = api;
        this.components = components;
        this.tasks = tasks;
        this.engine = engine;
    }

    @GetMapping(BASE + "/tasks/{taskId}")
    TaskDocuments forTask(@PathVariable String taskId, HttpServletRequest request) {
        CurrentUser user = sessionUser(request);
        Task task = task(taskId);
        UUID caseId = UUID.fromString(businessKey(task));
        CaseFile file = documents.readableCase(caseId, user);
        List<CaseDocument> all = documents.list(caseId, user);
        boolean canAdd = ADDING_STEPS.contains(task.getTaskDefinitionKey()) && file.currentUnit() != null
                && user.groups().contains(Groups.officers(file.currentUnit()));
        List<ProcedureComponent> offered = new ArrayList<>(components.of(file.procedureCode()));
        if (CaseModel.ISSUE.equals(task.getTaskDefinitionKey())) {
            offered = new ArrayList<>(List.of(ProcedureComponent.RESULT));
        }
        List<ProcedureComponent> missing = CaseModel.RECEIVE.equals(task.getTaskDefinitionKey())
                ? documents.missingRequired(file.procedureCode(), all) : List.of();
        List<Listed> listed = all.stream().map(d -> new Listed(d.documentId(), d.component(),
                components.find(file.procedureCode(), d.component()).map(ProcedureComponent::name).orElse(d.component()),
                d.version(), d.mediaType(), d.size(), d.sha256(), d.addedAt(), d.addedBy(), d.digitizedFromPaper(),
                d.stage(), BASE + "/cases/" + caseId + "/documents/" + d.documentId() + "/content")).toList();
        return new TaskDocuments(caseId, file.code(), task.getTaskDefinitionKey(), canAdd, offered, missing, listed);
    }

    @GetMapping(BASE + "/cases/{caseId}/documents/{documentId}/content")
    ResponseEntity<Resource> content(@PathVariable String caseId, @PathVariable String documentId,
                                     @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
                                     HttpServletRequest request) throws IOException {
        CurrentUser user = sessionUser(request);
        return api.content(caseId, documentId, ifNoneMatch, user);
    }

    @PostMapping(path = BASE + "/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentController.Added> upload(@PathVariable String taskId,
                                                    MultipartHttpServletRequest request) {
        CurrentUser user = sessionUser(request);
        checkXsrf(request);
        Task task = task(taskId);
        if (!ADDING_STEPS.contains(task.getTaskDefinitionKey())) {
            throw new Forbidden("Not allowed", "Files are added in Tasklist at the receive and issue steps.");
        }
        UUID caseId = UUID.fromString(businessKey(task));
        CaseDocument added = documents.addFrom(caseId, request, user);
        return ResponseEntity.created(URI.create(BASE + "/cases/" + caseId + "/documents/" + added.documentId()
                + "/content")).body(DocumentController.Added.of(added));
    }

    /** The user logged into the Camunda web apps' session (Tasklist); 401 without one. */
    static CurrentUser sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Optional<UserAuthentication> user = authentications == null ? Optional.empty()
                : authentications.getAuthentications().stream().filter(UserAuthentication.class::isInstance)
                .map(UserAuthentication.class::cast).findFirst();
        return user.map(a -> new CurrentUser(a.getIdentityId(),
                        a.getGroupIds() == null ? List.of() : List.copyOf(a.getGroupIds())))
                .orElseThrow(() -> new NotAuthenticated("Unauthorized", "Log into Tasklist first."));
    }

    /** The session's XSRF token (the web apps' CSRF prevention), required on every change. */
    private static void checkXsrf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
        String given = request.getHeader("X-XSRF-TOKEN");
        if (expected == null || given == null || !MessageDigest.isEqual(expected.toString().getBytes(
                StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("CSRF token missing or wrong", "Send the session's XSRF token in X-XSRF-TOKEN.");
        }
    }

    private Task task(String taskId) {
        Task task = taskId == null || taskId.length() > 64 ? null
                : engine.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            throw new NotFound("Unknown task", "No open task " + taskId + ".");
        }
        return task;
    }

    private String businessKey(Task task) {
        String key = task.getProcessInstanceId() == null ? null : engine.call(() -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                    .singleResult();
            return instance == null ? null : instance.getBusinessKey();
        });
        if (key == null || !key.matches("[0-9a-f-]{36}")) {
            throw new NotFound("Unknown task", "Task " + task.getId() + " belongs to no case.");
        }
        return key;
    }
}
