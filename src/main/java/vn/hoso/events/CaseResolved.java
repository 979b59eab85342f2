package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/** {@code vn.hoso.case.resolved}: the case ended (result issued, rejected, withdrawn, stopped) and how timely. */
public record CaseResolved(String caseId, Resolution outcome, String unitCode, Tier tier, OffsetDateTime resolvedAt,
                           LocalDate dueDate, Timeliness timeliness, CaseKind kind, String procedureCode,
                           String receivingUnit, Integer supplementationCount, Boolean apologyIssued)
        implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.RESOLVED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("outcome", outcome).put("unitCode", unitCode).put("tier", tier)
                .put("resolvedAt", resolvedAt).put("dueDate", dueDate).put("timeliness", timeliness)
                .put("kind", kind).put("procedureCode", procedureCode).put("receivingUnit", receivingUnit)
                .put("supplementationCount", supplementationCount).put("apologyIssued", apologyIssued).map();
    }

    static CaseResolved read(DataReader d) {
        return new CaseResolved(d.text("caseId"), d.enumValue("outcome", Resolution.class), d.text("unitCode"),
                d.tier("tier"), d.time("resolvedAt"), d.date("dueDate"), d.enumValue("timeliness", Timeliness.class),
                d.kind(), d.text("procedureCode"), d.text("receivingUnit"), d.integer("supplementationCount"),
                d.bool("apologyIssued"));
    }
}
