package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.step.completed}: a user task of the case was completed.
 *
 * @param step    the task's key in the model ({@code receive}, {@code appraise} …)
 * @param outcome what a deciding step decided (null for steps that decide nothing)
 * @param actor   the user who completed it
 */
public record StepCompleted(String caseId, String step, String taskId, String unitCode, Tier tier, StepMode mode,
                            String actor, OffsetDateTime completedAt, CaseKind kind, String procedureCode,
                            String outcome) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.STEP_COMPLETED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("step", step).put("taskId", taskId).put("unitCode", unitCode)
                .put("tier", tier).put("mode", mode).put("actor", actor).put("completedAt", completedAt)
                .put("kind", kind).put("procedureCode", procedureCode).putIfPresent("outcome", outcome).map();
    }

    static StepCompleted read(DataReader d) {
        return new StepCompleted(d.text("caseId"), d.text("step"), d.text("taskId"), d.text("unitCode"),
                d.tier("tier"), d.enumValue("mode", StepMode.class), d.text("actor"), d.time("completedAt"), d.kind(),
                d.text("procedureCode"), d.text("outcome"));
    }
}
