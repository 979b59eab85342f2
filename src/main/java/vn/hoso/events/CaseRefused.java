package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.case.refused}: the file was refused at reception (Mẫu 03, "phiếu từ chối tiếp nhận giải quyết hồ
 * sơ"; Nghị định 61/2018/NĐ-CP Art. 19, Thông tư 01/2018/TT-VPCP): it never became a received dossier, so it is
 * neither received nor finished in Biểu II.06a and the progress score; the reports count it in its own column. The
 * case ends here (instead of {@code vn.hoso.case.resolved}).
 */
public record CaseRefused(String caseId, String unitCode, Tier tier, OffsetDateTime refusedAt, CaseKind kind,
                          String procedureCode) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.REFUSED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("refusedAt", refusedAt)
                .put("kind", kind).put("procedureCode", procedureCode).map();
    }

    static CaseRefused read(DataReader d) {
        return new CaseRefused(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.time("refusedAt"), d.kind(),
                d.text("procedureCode"));
    }
}
