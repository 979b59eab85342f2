package vn.hoso.cases;

import java.util.List;
import java.util.Map;

import vn.hoso.procedures.ProcedureCatalogue;

/**
 * Every id of the models in {@code bpmn/} that Java code names: the processes, their user tasks (a task's
 * definition key is the step's name in the events and the API), the Mẫu 04 timer, the forms and the procedure
 * catalogue's decision. Code names a model element only through these constants, and {@code CaseModelTest} checks
 * them against the models, so renaming an element in Camunda Modeler fails the build instead of a running case.
 */
public final class CaseModel {

    /** The case from receipt to return (bpmn/hoso-case.bpmn); business key = case id. */
    public static final String CASE_PROCESS = "hoso-case";
    /** One stay of a case at one unit (bpmn/hoso-segment.bpmn), called by the case process. */
    public static final String SEGMENT_PROCESS = "hoso-segment";

    /** The bean the models call as {@code ${caseFlow.…}} ({@link CaseFlow}). */
    public static final String FLOW_BEAN = "caseFlow";

    // user tasks of the segment process
    public static final String RECEIVE = "receive";
    public static final String APPRAISE = "appraise";
    public static final String AWAIT_SUPPLEMENT = "awaitSupplement";
    public static final String AWAIT_PAYMENT = "awaitPayment";
    public static final String APPROVE = "approve";
    public static final String ISSUE = "issue";
    public static final String RETURN_RESULT = "returnResult";
    public static final String FORWARD = "forward";
    public static final String RETURN_AT_RECEIVING_UNIT = "returnAtReceivingUnit";
    // user task of the case process
    public static final String APOLOGY = "apology";

    /** The non-interrupting timer on the case's processing that creates the Mẫu 04 {@link #APOLOGY} task. */
    public static final String APOLOGY_TIMER = "apologyTimer";

    /** The procedure catalogue's DMN decision (bpmn/procedure-catalogue.dmn). */
    public static final String PROCEDURE_CATALOGUE = ProcedureCatalogue.DECISION_KEY;

    /** The user tasks of each process, in the order a case usually meets them. */
    public static final Map<String, List<String>> USER_TASKS = Map.of(
            SEGMENT_PROCESS, List.of(RECEIVE, APPRAISE, AWAIT_SUPPLEMENT, AWAIT_PAYMENT, APPROVE, ISSUE, RETURN_RESULT, FORWARD,
                    RETURN_AT_RECEIVING_UNIT),
            CASE_PROCESS, List.of(APOLOGY));

    /** The Camunda Form (its id, bound within the deployment) of each user task. */
    public static final Map<String, String> FORMS = Map.of(
            RECEIVE, "hoso-receive",
            APPRAISE, "hoso-appraise",
            AWAIT_SUPPLEMENT, "hoso-await-supplement",
            AWAIT_PAYMENT, "hoso-await-payment",
            APPROVE, "hoso-approve",
            ISSUE, "hoso-step",
            RETURN_RESULT, "hoso-step",
            FORWARD, "hoso-step",
            RETURN_AT_RECEIVING_UNIT, "hoso-step",
            APOLOGY, "hoso-apology");

    private CaseModel() {
    }

    /** Whether a process definition key is one of the case processes (the engine may run others, e.g. in tests). */
    static boolean isCaseProcess(String processDefinitionKey) {
        return CASE_PROCESS.equals(processDefinitionKey) || SEGMENT_PROCESS.equals(processDefinitionKey);
    }
}
