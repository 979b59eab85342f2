package vn.hoso.rollup.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.hoso.units.Tier;

/** The rows the rollup API answers with (JSON field names are the contract's). */
public final class RollupModel {

    private RollupModel() {
    }

    /** Days [from, to], both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public record TargetSpan(LocalDate from, LocalDate to, BigDecimal target) {
    }

    /** Online-processing figures: the one definition of rate and "met" (ratio of sums, compared exactly). */
    record Figures(long segments, long processedOnline) {
        static final Figures ZERO = new Figures(0, 0);

        Figures plus(Figures o) {
            return new Figures(segments + o.segments, processedOnline + o.processedOnline);
        }

        Double rate() {
            return segments == 0 ? null : BigDecimal.valueOf(processedOnline)
                    .divide(BigDecimal.valueOf(segments), 6, RoundingMode.HALF_EVEN).doubleValue();
        }

        Boolean met(BigDecimal target) {
            if (segments == 0 || target == null) {
                return null;
            }
            return BigDecimal.valueOf(processedOnline).compareTo(target.multiply(BigDecimal.valueOf(segments))) >= 0;
        }
    }

    public record TierRow(Tier tier, long segments, long processedOnline, Double onlineRate, BigDecimal target, Boolean met,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<TargetSpan> targets,
                   LocalDate inForceFrom, LocalDate inForceTo) {
    }

    public record UnitRef(String unitCode, LocalDate validFrom, String unitName, long segments, long processedOnline,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> successors) {
    }

    /**
     * A unit's figures. In the legal view {@code restatement} is absent. With {@code asOf}: {@code AS_OF} rows are
     * the units valid on that date, with the full predecessors' figures added ({@code restatedFrom}) and partial
     * predecessors only listed ({@code partialFrom}, not added); {@code PARTIAL} rows are units that were split
     * (their figures stay with them, {@code partialTo} names where their territory went); {@code NO_SUCCESSOR} rows
     * are units with no succession path to that date (an abolished district).
     */
    public record UnitRow(Tier tier, String unitCode, String unitName, String parentCode, LocalDate validFrom,
                   LocalDate validTo, long segments, long processedOnline, Double onlineRate, BigDecimal target,
                   Boolean met,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String restatement,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnitRef> restatedFrom,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnitRef> partialFrom,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> partialTo) {
    }

    public record TrendPoint(String month, LocalDate from, LocalDate to, long segments, long processedOnline,
                      Double onlineRate, BigDecimal target, Boolean met) {
    }

    public record TrendSeries(Tier tier, @JsonInclude(JsonInclude.Include.NON_NULL) String unitCode,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String unitName, List<TrendPoint> points) {
    }

    public record Trend(LocalDate from, LocalDate to, String kind, List<TrendSeries> series) {
    }

    public record SegmentRow(String caseId, String caseCode, Tier tier, String kind, String procedureCode,
                      OffsetDateTime openedAt, OffsetDateTime closedAt, LocalDate closedOn, Integer steps,
                      Integer paperSteps, boolean processedOnline, Boolean arrivedElectronically, String channel,
                      OffsetDateTime receivedAt, LocalDate dueDate, OffsetDateTime resolvedAt, String outcome,
                      String timeliness, int supplementationCount, Integer segmentNo, LocalDate segmentDueDate,
                      String segmentVerdict) {
    }

    public record SegmentPage(String unitCode, LocalDate from, LocalDate to, long total, int offset, int limit,
                       List<SegmentRow> segments) {
    }
}
