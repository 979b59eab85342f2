package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.hoso.units.Tier;

/** {@code vn.hoso.case.transferred}: the case was handed from one unit to the next (or back where received). */
public record CaseTransferred(String caseId, String fromUnit, Tier fromTier, String toUnit, Tier toTier,
                              StepMode mode, OffsetDateTime transferredAt) implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.TRANSFERRED;
    }

    /** A hand-off happens at the unit that hands the case on. */
    @Override
    public String unitCode() {
        return fromUnit;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("fromUnit", fromUnit).put("fromTier", fromTier).put("toUnit", toUnit)
                .put("toTier", toTier).put("mode", mode).put("transferredAt", transferredAt).map();
    }

    static CaseTransferred read(DataReader d) {
        return new CaseTransferred(d.text("caseId"), d.text("fromUnit"), d.tier("fromTier"), d.text("toUnit"),
                d.tier("toTier"), d.enumValue("mode", StepMode.class), d.time("transferredAt"));
    }
}
