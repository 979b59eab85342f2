package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.units.Tier;

/** {@code vn.hoso.case.due-date-changed}: the appointment date moved (supplementation waited, Mẫu 04 apology). */
public record DueDateChanged(String caseId, String unitCode, Tier tier, LocalDate dueDate, LocalDate previousDueDate,
                             Reason reason, OffsetDateTime changedAt) implements CaseEventData {

    /** Why the appointment date moved. */
    public enum Reason { SUPPLEMENTATION, APOLOGY, PAYMENT }

    @Override
    public String type() {
        return CaseEventTypes.DUE_DATE_CHANGED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("dueDate", dueDate)
                .put("previousDueDate", previousDueDate).put("reason", reason).put("changedAt", changedAt).map();
    }

    static DueDateChanged read(DataReader d) {
        return new DueDateChanged(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.date("dueDate"),
                d.date("previousDueDate"), d.enumValue("reason", Reason.class), d.time("changedAt"));
    }
}
