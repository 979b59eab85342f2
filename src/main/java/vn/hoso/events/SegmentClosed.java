package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.segment.closed}: the case left a unit. {@code processedOnline} is the product's one definition
 * (domain.md §5): arrived electronically and no step done on paper.
 */
public record SegmentClosed(String caseId, String unitCode, Tier tier, Integer segmentNo, OffsetDateTime openedAt,
                            OffsetDateTime closedAt, Integer steps, Integer paperSteps, Boolean arrivedElectronically,
                            Boolean processedOnline, CaseKind kind, String procedureCode, SegmentResult result)
        implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.SEGMENT_CLOSED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("segmentNo", segmentNo)
                .put("openedAt", openedAt).put("closedAt", closedAt).put("steps", steps)
                .put("paperSteps", paperSteps).put("arrivedElectronically", arrivedElectronically)
                .put("processedOnline", processedOnline).put("kind", kind).put("procedureCode", procedureCode)
                .put("result", result).map();
    }

    static SegmentClosed read(DataReader d) {
        return new SegmentClosed(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.integer("segmentNo"),
                d.time("openedAt"), d.time("closedAt"), d.integer("steps"), d.integer("paperSteps"),
                d.bool("arrivedElectronically"), d.bool("processedOnline"), d.kind(), d.text("procedureCode"),
                d.enumValue("result", SegmentResult.class));
    }
}
