package vn.hoso.cases;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The process tests' engine: the real Camunda engine with the models of {@code bpmn/}, on an in-memory H2 database,
 * no job executor (timers are executed by the test), no Spring. One per JVM; each test class deploys the processes
 * with the forms their user tasks bind ({@code @Deployment}), and the extension deletes the deployment after each
 * test. {@code ${caseFlow.…}} resolves to a Mockito mock of {@link CaseFlow}
 * (Camunda's {@link Mocks}), whose answers a test sets in its {@link Script}.
 */
final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
            config.setProcessEngineName("hoso-process-tests");
            config.setJdbcUrl("jdbc:h2:mem:hoso-process-tests;DB_CLOSE_DELAY=-1");
            config.setDatabaseSchemaUpdate("create-drop");
            config.setJobExecutorActivate(false);
            config.setHistory("full");
            config.setExpressionManager(new MockExpressionManager());
            engine = config.buildProcessEngine();
        }
        return engine;
    }

    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get()).build();
    }

    /**
     * The answers of the stubbed {@code caseFlow}, as fields a test sets before the step that leads to the question:
     * the engine asks while it runs on to the next wait state, inside the completion of the step before.
     */
    static final class Script {

        final CaseFlow flow = mock(CaseFlow.class);
        /** The unit whose groups get the tasks (officersHere / leadersHere). */
        String unit = "10507";
        /** What the segment's first step is ({@link CaseFlow.Entry} name). */
        String entry = CaseFlow.Entry.RECEIVE.name();
        /** What the last step decided; null = nothing given, the normal path. */
        String decision;
        boolean lastUnitOfRoute;
        boolean returnsHere;
        boolean forwarded;
        boolean needsReturn;
        Date apologyAt = new Date(System.currentTimeMillis() + 86_400_000L);
        /** A procedure dossier (Mẫu 04 task at the overdue warning) rather than a work file. */
        boolean procedure = true;

        Script() {
            when(flow.officersHere(any(DelegateExecution.class))).thenAnswer(i -> "officers." + unit);
            when(flow.leadersHere(any(DelegateExecution.class))).thenAnswer(i -> "leaders." + unit);
            when(flow.entry(any(DelegateExecution.class))).thenAnswer(i -> entry);
            when(flow.decision(any(DelegateExecution.class))).thenAnswer(i -> decision);
            when(flow.lastUnitOfRoute(any(DelegateExecution.class))).thenAnswer(i -> lastUnitOfRoute);
            when(flow.returnsHere(any(DelegateExecution.class))).thenAnswer(i -> returnsHere);
            when(flow.forwarded(any(DelegateExecution.class))).thenAnswer(i -> forwarded);
            when(flow.needsReturn(any(DelegateExecution.class))).thenAnswer(i -> needsReturn);
            when(flow.apologyAt(any(DelegateExecution.class))).thenAnswer(i -> apologyAt);
            when(flow.citizenApology(any(DelegateExecution.class))).thenAnswer(i -> procedure);
            Mocks.register(CaseModel.FLOW_BEAN, flow);
        }
    }

    /** The candidate groups of a task. */
    static List<String> candidateGroups(ProcessEngine engine, Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    /** Completes the one open task of the step among the tasks of a case (business key), with no variables. */
    static void complete(ProcessEngine engine, String businessKey, String step) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new AssertionError("No open task " + step + " of " + businessKey + "; open: "
                    + engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list()
                    .stream().map(Task::getTaskDefinitionKey).toList());
        }
        engine.getTaskService().complete(task.getId(), Map.of());
    }
}
