package vn.hoso.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import vn.hoso.procedures.ProcedureCatalogue;

/**
 * What Tasklist shows of a case on each of its tasks (list cards and forms): task-local variables copied from the
 * case tables when the task is created, readable only by those who may read the task. They are for display only;
 * the workflow never reads them back. The applicant's name is personal data: it is kept out of Camunda's history
 * ({@link PersonalDataOutOfHistory}) so that nobody reads it through the engine's history API.
 */
final class TaskDisplay {

    static final String CASE_CODE = "caseCode";
    static final String PROCEDURE_NAME = "procedureName";
    static final String SUBJECT = "subject";
    static final String APPLICANT_NAME = "applicantName";
    static final String DUE_DATE = "dueDate";

    static final Set<String> NAMES = Set.of(CASE_CODE, PROCEDURE_NAME, SUBJECT, APPLICANT_NAME, DUE_DATE);
    static final Set<String> PERSONAL = Set.of(APPLICANT_NAME);

    /** Dates as officers read them: dd/MM/yyyy. */
    static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private TaskDisplay() {
    }

    static String dueDate(java.time.LocalDate date) {
        return DATE.format(date);
    }

    static Map<String, Object> of(CaseStore.Display display, ProcedureCatalogue catalogue) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(CASE_CODE, display.code());
        variables.put(PROCEDURE_NAME, catalogue.find(display.procedureCode()).map(p -> p.name())
                .orElse(display.procedureCode()));
        variables.put(SUBJECT, display.subject());
        if (display.applicantName() != null) {
            variables.put(APPLICANT_NAME, display.applicantName());
        }
        variables.put(DUE_DATE, dueDate(display.dueDate()));
        return variables;
    }
}
