package vn.hoso.rollup.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.hoso.units.Unit;

/**
 * A range of days [from, to], either bound null for open: the days of a reused unit code whose figures a query
 * counts (those of the unit versions the caller may read; {@link #ALL} for every day).
 */
public record Days(LocalDate from, LocalDate to) {

    public static final Days ALL = new Days(null, null);

    /** The validity of a unit version. */
    public static Days of(Unit version) {
        return new Days(version.validFrom(), version.validTo());
    }

    /** Whether these ranges include the whole validity of a unit version. */
    public static boolean coversVersion(List<Days> days, Unit version) {
        return days.contains(ALL) || days.contains(of(version));
    }

    /** Appends {@code and (…)}: the column's day in one of the ranges (none: nothing matches). */
    static void restrict(StringBuilder sql, List<Object> args, String column, List<Days> days) {
        if (days.contains(ALL)) {
            return;
        }
        List<String> terms = new ArrayList<>();
        for (Days d : days) {
            List<String> bounds = new ArrayList<>();
            if (d.from() != null) {
                bounds.add(column + " >= ?");
                args.add(d.from());
            }
            if (d.to() != null) {
                bounds.add(column + " <= ?");
                args.add(d.to());
            }
            terms.add(bounds.isEmpty() ? "true" : "(" + String.join(" and ", bounds) + ")");
        }
        sql.append(" and (").append(terms.isEmpty() ? "false" : String.join(" or ", terms)).append(')');
    }
}
