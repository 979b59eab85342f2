package vn.hoso.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import vn.hoso.events.StepMode;

/**
 * What a step accepts when it is completed: {@code mode} on every step, {@code outcome} on deciding steps (the
 * first listed is the normal path, taken when none is given), {@code newAppointmentDate} on the apology, and nothing
 * else. Checked before the engine is called (400 for the REST APIs) and again inside the engine transaction.
 */
final class StepRules {

    static final String MODE = "mode";
    static final String OUTCOME = "outcome";
    static final String NEW_APPOINTMENT_DATE = "newAppointmentDate";

    static final Map<String, List<String>> OUTCOMES = Map.of(
            CaseModel.RECEIVE, List.of("ACCEPT", "REJECT", "RETURN_INCOMPLETE"),
            CaseModel.APPRAISE, List.of("APPROVE", "SUPPLEMENT", "REJECT", "WITHDRAW", "STOP", "AWAIT_PAYMENT"),
            CaseModel.AWAIT_SUPPLEMENT, List.of("SUPPLIED", "WITHDRAW"),
            CaseModel.AWAIT_PAYMENT, List.of("PAID", "WITHDRAW"),
            CaseModel.APPROVE, List.of("APPROVE", "REJECT"));

    private StepRules() {
    }

    /** The variables a completion of the step may carry: its input, nothing else. */
    static Set<String> inputs(String step) {
        if (CaseModel.APOLOGY.equals(step)) {
            return Set.of(MODE, NEW_APPOINTMENT_DATE);
        }
        return OUTCOMES.containsKey(step) ? Set.of(MODE, OUTCOME) : Set.of(MODE);
    }

    static StepMode mode(Object mode) {
        if (mode == null || "".equals(mode)) {
            return StepMode.ELECTRONIC;
        }
        for (StepMode m : StepMode.values()) {
            if (m.name().equals(mode)) {
                return m;
            }
        }
        throw new BadUserRequestException("mode must be ELECTRONIC or PAPER, not '" + mode + "'.");
    }

    static String outcome(String step, Object outcome) {
        List<String> allowed = OUTCOMES.get(step);
        boolean absent = outcome == null || "".equals(outcome);
        if (allowed == null) {
            if (!absent) {
                throw new BadUserRequestException("Step '" + step + "' takes no outcome.");
            }
            return null;
        }
        if (absent) {
            return allowed.get(0);
        }
        if (!(outcome instanceof String s) || !allowed.contains(s)) {
            throw new BadUserRequestException("outcome of step '" + step + "' must be one of " + allowed
                    + ", not '" + outcome + "'.");
        }
        return s;
    }

    /** The new appointment date of an apology (Mẫu 04): required, and after the current one. */
    static LocalDate newAppointmentDate(Object value, LocalDate currentDue, ZoneId zone) {
        LocalDate date;
        try {
            if (value instanceof Date d) {
                date = d.toInstant().atZone(zone).toLocalDate();
            } else if (value instanceof String s && s.length() >= 10) {
                date = LocalDate.parse(s.substring(0, 10));
            } else {
                throw new DateTimeParseException("missing", String.valueOf(value), 0);
            }
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("newAppointmentDate is required (YYYY-MM-DD): the new appointment date "
                    + "given to the applicant in the apology (Mẫu 04).");
        }
        if (!date.isAfter(currentDue)) {
            throw new BadUserRequestException("newAppointmentDate must be after the current appointment date "
                    + currentDue + ".");
        }
        return date;
    }
}
