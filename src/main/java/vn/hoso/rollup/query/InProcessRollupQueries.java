package vn.hoso.rollup.query;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.hoso.rollup.RollupQueries;

import static vn.hoso.rollup.query.RollupModel.Period;

/** {@link RollupQueries} on the rollup service, the same figures as the HTTP API's. */
@Component
class InProcessRollupQueries implements RollupQueries {

    private final RollupService rollups;

    InProcessRollupQueries(RollupService rollups) {
        this.rollups = rollups;
    }

    @Override
    public List<TierFigures> tiers(LocalDate from, LocalDate to) {
        return rollups.tiers(period(from, to), null).stream()
                .map(r -> new TierFigures(r.tier(), r.segments(), r.processedOnline(), r.onlineRate(), r.target(),
                        r.met()))
                .toList();
    }

    @Override
    public List<UnitFigures> units(LocalDate from, LocalDate to) {
        return rollups.units(period(from, to), null, null).stream()
                .map(r -> new UnitFigures(r.tier(), r.unitCode(), r.validFrom(), r.segments(), r.processedOnline(),
                        r.onlineRate(), r.target(), r.met()))
                .toList();
    }

    private static Period period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(5))) {
            throw new IllegalArgumentException("Not a period of at most five years: " + from + " – " + to);
        }
        return new Period(from, to);
    }
}
