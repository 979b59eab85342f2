package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.case.returned-incomplete}: at reception the file was incomplete and was returned to the applicant
 * with the list of what to add (Mẫu 02, "phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"; Nghị định 61/2018/NĐ-CP Art. 15,
 * Thông tư 01/2018/TT-VPCP). It was never received: the clock never started and no report counts it. Ends the case
 * (the applicant submits again as a new file). Distinct from supplementation during processing (clock paused,
 * {@code supplementation-requested}).
 */
public record CaseNotReceived(String caseId, String unitCode, Tier tier, OffsetDateTime returnedAt, CaseKind kind,
                              String procedureCode) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.RETURNED_INCOMPLETE;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("returnedAt", returnedAt)
                .put("kind", kind).put("procedureCode", procedureCode).map();
    }

    static CaseNotReceived read(DataReader d) {
        return new CaseNotReceived(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.time("returnedAt"),
                d.kind(), d.text("procedureCode"));
    }
}
