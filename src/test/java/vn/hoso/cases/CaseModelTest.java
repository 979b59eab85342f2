package vn.hoso.cases;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.hoso.events.SegmentResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids Java code names ({@link CaseModel}) against the models as they are deployed (the classpath's
 * {@code bpmn/}, by the engine's own resource patterns): every id the class names exists with the right kind, every
 * user task of the models is known to the class, and what the models call on {@code caseFlow} and compare its
 * answers with exists in Java. A model edit that renames or adds a task, or a Java rename, fails here.
 */
@Tag("fast")
class CaseModelTest {

    private static final Pattern FLOW_CALL = Pattern.compile("\\b" + CaseModel.FLOW_BEAN + "\\.(\\w+)\\(");
    private static final Pattern DECISION_IS = Pattern.compile("decision\\(execution\\) == '(\\w+)'");
    private static final Pattern ENTRY_IS = Pattern.compile("entry\\(execution\\) == '(\\w+)'");
    private static final Pattern CLOSES_AS = Pattern.compile("closeSegment\\(execution, '(\\w+)'\\)");

    static Map<String, BpmnModelInstance> processes = new LinkedHashMap<>();
    static Map<String, String> bpmnTexts = new LinkedHashMap<>();
    static List<DmnModelInstance> decisions;
    static Map<String, String> formIds = new HashMap<>();

    @BeforeAll
    static void readDeployedModels() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource bpmn : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
            String text = bpmn.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            BpmnModelInstance model = Bpmn.readModelFromStream(bpmn.getInputStream());
            for (Process process : model.getModelElementsByType(Process.class)) {
                processes.put(process.getId(), model);
                bpmnTexts.put(process.getId(), text);
            }
        }
        decisions = Arrays.stream(resolver.getResources("classpath*:bpmn/**/*.dmn")).map(r -> {
            try (InputStream in = r.getInputStream()) {
                return Dmn.readModelFromStream(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        ObjectMapper json = new ObjectMapper();
        for (Resource form : resolver.getResources("classpath*:bpmn/**/*.form")) {
            try (InputStream in = form.getInputStream()) {
                formIds.put(json.readTree(in).path("id").asText(), form.getFilename());
            }
        }
    }

    @Test
    void theDeployedProcessesAreExactlyTheTwoCaseProcesses() {
        assertThat(processes.keySet()).containsExactlyInAnyOrder(CaseModel.CASE_PROCESS, CaseModel.SEGMENT_PROCESS);
        assertThat(CaseModel.USER_TASKS.keySet()).containsExactlyInAnyOrderElementsOf(processes.keySet());
        for (var process : processes.entrySet()) {
            assertThat(CaseModel.isCaseProcess(process.getKey())).isTrue();
            assertThat(process.getValue().getModelElementById(process.getKey()).getAttributeValue("isExecutable"))
                    .isEqualTo("true");
        }
        assertThat(CaseModel.isCaseProcess("some-other-process")).isFalse();
    }

    @Test
    void everyUserTaskOfTheModelsIsKnownAndEveryKnownTaskIsInItsModel() {
        for (var process : processes.entrySet()) {
            Set<String> inModel = ids(process.getValue().getModelElementsByType(UserTask.class));
            assertThat(inModel).as("user tasks of %s", process.getKey())
                    .containsExactlyInAnyOrderElementsOf(CaseModel.USER_TASKS.get(process.getKey()));
        }
        List<String> all = CaseModel.USER_TASKS.values().stream().flatMap(List::stream).toList();
        assertThat(all).as("a step name is unique across the processes").doesNotHaveDuplicates();
        assertThat(all).containsExactlyInAnyOrder(CaseModel.RECEIVE, CaseModel.APPRAISE, CaseModel.AWAIT_SUPPLEMENT,
                CaseModel.AWAIT_PAYMENT,
                CaseModel.APPROVE, CaseModel.ISSUE, CaseModel.RETURN_RESULT, CaseModel.FORWARD,
                CaseModel.RETURN_AT_RECEIVING_UNIT, CaseModel.APOLOGY);
        assertThat(StepRules.OUTCOMES.keySet()).as("deciding steps").isSubsetOf(all);
    }

    @Test
    void everyUserTaskHasItsFormBoundInTheDeploymentAndTheFormIsDeployed() {
        for (var process : processes.entrySet()) {
            for (UserTask task : process.getValue().getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as("form of %s", task.getId())
                        .isEqualTo(CaseModel.FORMS.get(task.getId()));
                assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId())
                        .isEqualTo("deployment");
            }
        }
        assertThat(CaseModel.FORMS.keySet()).containsExactlyInAnyOrderElementsOf(
                CaseModel.USER_TASKS.values().stream().flatMap(List::stream).toList());
        assertThat(formIds.keySet()).as("deployed forms").containsAll(CaseModel.FORMS.values());
    }

    @Test
    void theApologyTimerStartsANonInterruptingEventSubprocessOfTheProcessingWhichATerminateEndEnds() {
        BpmnModelInstance model = processes.get(CaseModel.CASE_PROCESS);
        StartEvent timer = model.getModelElementById(CaseModel.APOLOGY_TIMER);
        assertThat(timer).as(CaseModel.APOLOGY_TIMER).isNotNull();
        assertThat(timer.isInterrupting()).isFalse();
        assertThat(timer.getEventDefinitions()).singleElement().isInstanceOf(TimerEventDefinition.class);
        SubProcess watch = (SubProcess) timer.getParentElement();
        assertThat(watch.triggeredByEvent()).isTrue();
        SubProcess processing = (SubProcess) watch.getParentElement();
        // the processing ends with a terminate end event, which ends an open Mẫu 04 task with it
        assertThat(processing.getChildElementsByType(EndEvent.class)).singleElement().satisfies(end ->
                assertThat(end.getEventDefinitions()).singleElement().isInstanceOf(TerminateEventDefinition.class));
        UserTask apology = model.getModelElementById(CaseModel.APOLOGY);
        assertThat(apology.getParentElement()).isEqualTo(watch);
    }

    @Test
    void theCaseProcessCallsTheSegmentProcess() {
        var calls = processes.get(CaseModel.CASE_PROCESS).getModelElementsByType(CallActivity.class);
        assertThat(calls).isNotEmpty().allSatisfy(call ->
                assertThat(call.getCalledElement()).isEqualTo(CaseModel.SEGMENT_PROCESS));
    }

    @Test
    void theProcedureCatalogueDecisionIsDeployed() {
        assertThat(decisions).flatExtracting(d -> ids(d.getModelElementsByType(Decision.class)))
                .contains(CaseModel.PROCEDURE_CATALOGUE);
    }

    @Test
    void whatTheModelsCallOnTheFlowBeanExistsInCaseFlow() {
        Set<String> publicMethods = Arrays.stream(CaseFlow.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
        Set<String> called = new TreeSet<>();
        for (String text : bpmnTexts.values()) {
            Matcher m = FLOW_CALL.matcher(text);
            while (m.find()) {
                called.add(m.group(1));
            }
        }
        assertThat(called).contains("openSegment", "closeSegment", "officersHere", "leadersHere", "apologyAt",
                "overdueWarning", "citizenApology");
        assertThat(publicMethods).containsAll(called);
        assertThat(CaseFlow.class.getAnnotation(org.springframework.stereotype.Component.class).value())
                .isEqualTo(CaseModel.FLOW_BEAN);
    }

    @Test
    void theValuesTheModelsCompareAreTheOnesJavaGives() {
        String segment = bpmnTexts.get(CaseModel.SEGMENT_PROCESS);
        Set<String> entries = matches(ENTRY_IS, segment);
        assertThat(entries).isNotEmpty();
        assertThat(Arrays.stream(CaseFlow.Entry.values()).map(Enum::name).toList()).containsAll(entries);
        Set<String> results = matches(CLOSES_AS, segment);
        assertThat(results).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SegmentResult.values()).map(Enum::name).toList());
    }

    /**
     * A gateway after a deciding step compares the step's outcome: each compared value is an outcome the step accepts,
     * and the step's normal outcome (the first, taken when none is given) leaves by the default flow.
     */
    @Test
    void everyOutcomeGatewayComparesOutcomesOfTheStepBeforeIt() {
        int gateways = 0;
        for (BpmnModelInstance model : processes.values()) {
            for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
                Map<String, String> compared = new LinkedHashMap<>();
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    if (flow.getConditionExpression() != null) {
                        matches(DECISION_IS, flow.getConditionExpression().getTextContent())
                                .forEach(outcome -> compared.put(outcome, flow.getId()));
                    }
                }
                if (compared.isEmpty()) {
                    continue;
                }
                gateways++;
                Collection<SequenceFlow> incoming = gateway.getIncoming();
                assertThat(incoming).as("into %s", gateway.getId()).singleElement();
                FlowNode step = incoming.iterator().next().getSource();
                List<String> outcomes = StepRules.OUTCOMES.get(step.getId());
                assertThat(outcomes).as("outcomes of %s, before %s", step.getId(), gateway.getId()).isNotNull();
                assertThat(outcomes).containsAll(compared.keySet());
                assertThat(compared).as("the normal outcome of %s takes the default flow", step.getId())
                        .doesNotContainKey(outcomes.get(0));
                assertThat(gateway.getDefault()).as("default flow of %s", gateway.getId()).isNotNull();
            }
        }
        assertThat(gateways).as("one outcome gateway per deciding step").isEqualTo(StepRules.OUTCOMES.size());
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> ids(Collection<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> es) {
        return es.stream().map(e -> e.getAttributeValue("id")).collect(Collectors.toCollection(TreeSet::new));
    }
}
