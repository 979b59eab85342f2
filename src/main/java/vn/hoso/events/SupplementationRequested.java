package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.units.Tier;

/** {@code vn.hoso.case.supplementation-requested}: the clock stops; the second request makes the case late. */
public record SupplementationRequested(String caseId, String unitCode, Tier tier, OffsetDateTime requestedAt,
                                       Integer requestCount) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.SUPPLEMENTATION_REQUESTED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("requestedAt", requestedAt)
                .put("requestCount", requestCount).map();
    }

    static SupplementationRequested read(DataReader d) {
        return new SupplementationRequested(d.text("caseId"), d.text("unitCode"), d.tier("tier"),
                d.time("requestedAt"), d.integer("requestCount"));
    }
}
