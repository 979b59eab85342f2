package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.case.overdue-warning}: the case is one working day from its appointment date and still open, so the
 * unit holding it is warned: it finishes the case or, for a procedure dossier, sends the Mẫu 04 apology with a new
 * date (Nghị định 61/2018/NĐ-CP Art. 19(3), Nghị định 118/2025/NĐ-CP). For a work file (no applicant to apologise
 * to) it is an internal overdue warning only. Says nothing to the applicant by itself.
 */
public record OverdueWarning(String caseId, String unitCode, Tier tier, LocalDate dueDate, CaseKind kind,
                         OffsetDateTime warnedAt) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.OVERDUE_WARNING;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("dueDate", dueDate)
                .put("kind", kind).put("warnedAt", warnedAt).map();
    }

    static OverdueWarning read(DataReader d) {
        return new OverdueWarning(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.date("dueDate"), d.kind(),
                d.time("warnedAt"));
    }
}
