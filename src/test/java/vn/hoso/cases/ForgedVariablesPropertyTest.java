package vn.hoso.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.identity.Groups;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.SharedContext;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property (jqwik): whatever extra variables a completion carries — the names the workflow once trusted (unitCode,
 * caseId, segIssue, decision …) or any other, with hostile values — a case follows the same route, its tasks go to
 * the same groups and its events say the same as a twin case completed with the step's input alone. The completions
 * go through the engine's Java API as the step's officer or leader (the HTTP APIs refuse extra variables before the
 * engine, see {@link TrustBoundaryTest}), and before each step more forged variables are put straight into the
 * case's process instances: this shows that the engine itself reads none of them. Each try drives a
 * pair of cases of one procedure along the same randomly chosen path (outcomes, supplementation, Mẫu 04 apology).
 */
@IntegrationTest
class ForgedVariablesPropertyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Variables the models read before the trust boundary, and the names of the display copies on tasks. */
    static final List<String> TRUSTED_ONCE = List.of("caseId", "unitCode", "tier", "segReceive", "segIssue",
            "segReturn", "segReturnOnly", "needsReturn", "nextUnit", "nextTier", "decision", "lastMode",
            "segmentResult", "apologyAt", "dueDate", "receivingUnit", "kind", "procedureCode", "caseCode",
            "applicantName", "subject", "procedureName");
    /** Event data that differs between any two cases: ids, codes and times. */
    static final Set<String> PER_CASE = Set.of("caseId", "code", "taskId", "receivedAt", "completedAt", "openedAt",
            "closedAt", "resolvedAt", "transferredAt", "requestedAt", "changedAt");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    CaseDriver driver;

    @BeforeProperty
    void inject() {
        SharedContext.inject(this);
        driver = new CaseDriver(new Http(port), taskService);
        CaseDriver.clockAt("2026-03-10T08:00:00+07:00");
    }

    @AfterProperty
    void resetClock() {
        CaseDriver.resetClock();
    }

    record Forgery(String procedureCode, long pathSeed, long forgerySeed) {
    }

    @Provide
    Arbitrary<Forgery> forgeries() {
        List<String> codes = catalogue.all().stream().map(Procedure::code).sorted().toList();
        return Arbitraries.of(codes).flatMap(code -> Arbitraries.longs().flatMap(path ->
                Arbitraries.longs().map(forgery -> new Forgery(code, path, forgery))));
    }

    @Property(tries = 16)
    void extraVariablesNeverChangeTheRouteTheGroupsOrTheEvents(@ForAll("forgeries") Forgery forgery) {
        Procedure procedure = catalogue.find(forgery.procedureCode()).orElseThrow();
        Run clean = drive(procedure, forgery.pathSeed(), null);
        Run forged = drive(procedure, forgery.pathSeed(), new Random(forgery.forgerySeed()));

        assertThat(forged.tasks()).as("tasks and their groups").isEqualTo(clean.tasks());
        assertThat(forged.events()).as("events").isEqualTo(clean.events());
        assertThat(forged.tasks()).as("the case went through steps").isNotEmpty();
    }

    record Run(List<String> tasks, List<JsonNode> events) {
    }

    /** Drives a new case of the procedure to its end along the path of {@code pathSeed}; forges when asked. */
    private Run drive(Procedure procedure, long pathSeed, Random forger) {
        Random path = new Random(pathSeed);
        String unit = receivingUnit(procedure);
        Map<String, Object> body = CaseDriver.procedure(procedure.code(), unit, path.nextBoolean() ? "ONLINE"
                : "IN_PERSON");
        if (procedure.kind() == CaseKind.WORK) {
            body.put("kind", "WORK");
            body.remove("applicant");
        }
        String caseId = driver.receive(body);
        List<String> seen = new ArrayList<>();
        boolean apologyFired = false;
        int supplements = 0;
        for (int step = 0; step < 40; step++) {
            List<Task> open = new ArrayList<>(driver.openTasks(caseId));
            if (open.isEmpty()) {
                return new Run(seen, events(caseId));
            }
            open.sort(Comparator.comparing(Task::getTaskDefinitionKey));
            if (!apologyFired && path.nextInt(4) == 0) {
                apologyFired = fireApology(caseId);
                continue;
            }
            Task task = open.get(0);
            String group = driver.candidateGroups(task).get(0);
            seen.add(task.getTaskDefinitionKey() + " " + driver.candidateGroups(task));
            Map<String, Object> variables = new HashMap<>();
            variables.put("mode", path.nextInt(5) == 0 ? "PAPER" : "ELECTRONIC");
            String outcome = outcome(task.getTaskDefinitionKey(), path, supplements);
            if ("SUPPLEMENT".equals(outcome)) {
                supplements++;
            }
            if (outcome != null) {
                variables.put("outcome", outcome);
            }
            if (CaseModel.APOLOGY.equals(task.getTaskDefinitionKey())) {
                variables.put("newAppointmentDate", "2026-04-30");
            }
            if (forger != null) {
                variables.putAll(forgedVariables(forger, caseId));
                // and, as an insider with the Java API could, straight into the instances the next steps run in
                runtimeService.setVariables(task.getProcessInstanceId(), everyTrustedOnce(forger, caseId));
                runtimeService.setVariables(rootInstance(caseId), everyTrustedOnce(forger, caseId));
            }
            complete(task, group, variables);
        }
        throw new AssertionError("case " + caseId + " did not end: " + seen);
    }

    private static String outcome(String step, Random path, int supplements) {
        List<String> allowed = StepRules.OUTCOMES.get(step);
        if (allowed == null) {
            return null;
        }
        int roll = path.nextInt(10);
        if (roll < 6) {
            return null; // the normal path, by default
        }
        String pick = allowed.get(path.nextInt(allowed.size()));
        return "SUPPLEMENT".equals(pick) && supplements > 0 ? allowed.get(0) : pick;
    }

    private Map<String, Object> forgedVariables(Random forger, String caseId) {
        Map<String, Object> forged = new LinkedHashMap<>();
        int n = 1 + forger.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = forger.nextInt(4) == 0 ? "x" + Integer.toHexString(forger.nextInt())
                    : TRUSTED_ONCE.get(forger.nextInt(TRUSTED_ONCE.size()));
            forged.put(name, forgedValue(forger, caseId));
        }
        return forged;
    }

    private Map<String, Object> everyTrustedOnce(Random forger, String caseId) {
        Map<String, Object> forged = new LinkedHashMap<>();
        TRUSTED_ONCE.forEach(name -> forged.put(name, forgedValue(forger, caseId)));
        return forged;
    }

    private Object forgedValue(Random forger, String caseId) {
        return switch (forger.nextInt(9)) {
            case 0 -> "10726";
            case 1 -> "10714,officers.10726";
            case 2 -> "030095001234";
            case 3 -> forger.nextBoolean();
            case 4 -> UUID.randomUUID().toString();
            case 5 -> forger.nextInt();
            case 6 -> "REJECT";
            case 7 -> "PROVINCE";
            default -> "${caseFlow}" + caseId.substring(0, 4);
        };
    }

    private void complete(Task task, String group, Map<String, Object> variables) {
        String unit = Groups.unitOf(group);
        String user = (group.startsWith("leaders.") ? "leader." : "officer.") + unit;
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Fires the case's Mẫu 04 timer now, if it is there and active; true when it fired. */
    private boolean fireApology(String caseId) {
        Job timer = managementService.createJobQuery().processInstanceId(rootInstance(caseId)).timers().active()
                .singleResult();
        if (timer == null) {
            return false;
        }
        managementService.executeJob(timer.getId());
        return true;
    }

    private String rootInstance(String caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CaseModel.CASE_PROCESS).singleResult().getId();
    }

    private String receivingUnit(Procedure procedure) {
        Tier tier = procedure.startTier() == null ? Tier.COMMUNE
                : procedure.receivingTier(List.of(Tier.PROVINCE, Tier.COMMUNE));
        return tier == Tier.PROVINCE ? "31" : "10714";
    }

    private List<JsonNode> events(String caseId) {
        List<JsonNode> projected = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "select type, source, data::text as data from case_event where case_id = ? order by seq", caseId)) {
            try {
                ObjectNode data = (ObjectNode) JSON.readTree((String) row.get("data"));
                data.remove(PER_CASE);
                data.put("@type", (String) row.get("type"));
                data.put("@source", (String) row.get("source"));
                projected.add(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return projected;
    }
}
