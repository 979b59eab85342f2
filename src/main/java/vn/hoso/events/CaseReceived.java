package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/** {@code vn.hoso.case.received}: a case file was received at a unit; its appointment date. */
public record CaseReceived(String caseId, String code, CaseKind kind, String procedureCode, String unitCode,
                           Tier tier, Channel channel, OffsetDateTime receivedAt, LocalDate dueDate)
        implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.RECEIVED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("code", code).put("kind", kind).put("procedureCode", procedureCode)
                .put("unitCode", unitCode).put("tier", tier).put("channel", channel).put("receivedAt", receivedAt)
                .put("dueDate", dueDate).map();
    }

    static CaseReceived read(DataReader d) {
        return new CaseReceived(d.text("caseId"), d.text("code"), d.kind(), d.text("procedureCode"),
                d.text("unitCode"), d.tier("tier"), d.enumValue("channel", Channel.class), d.time("receivedAt"),
                d.date("dueDate"));
    }
}
