package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.units.Tier;

/**
 * {@code vn.hoso.segment.judged}: a row of the hand-off control sheet (Mẫu 05, "phiếu kiểm soát quá trình giải quyết
 * hồ sơ"; Thông tư 01/2018/TT-VPCP): the unit's stay, from receiving the file to handing it on, against its share of
 * the statutory time ({@code dueDate}), judged by date: early, on time or late. Written right after the segment's
 * {@code vn.hoso.segment.closed}, for the segments of the route (not the return of the result).
 */
public record SegmentJudged(String caseId, String unitCode, Tier tier, Integer segmentNo, OffsetDateTime openedAt,
                            OffsetDateTime closedAt, LocalDate dueDate, Timeliness verdict) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.SEGMENT_JUDGED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("unitCode", unitCode).put("tier", tier).put("segmentNo", segmentNo)
                .put("openedAt", openedAt).put("closedAt", closedAt).put("dueDate", dueDate).put("verdict", verdict)
                .map();
    }

    static SegmentJudged read(DataReader d) {
        return new SegmentJudged(d.text("caseId"), d.text("unitCode"), d.tier("tier"), d.integer("segmentNo"),
                d.time("openedAt"), d.time("closedAt"), d.date("dueDate"), d.enumValue("verdict", Timeliness.class));
    }
}
