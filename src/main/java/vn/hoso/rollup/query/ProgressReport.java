package vn.hoso.rollup.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;
import vn.hoso.units.UnitRegistry;

/**
 * On-time figures, the national progress score (Quyết định 766/QĐ-TTg, "tiến độ") and the statutory periodic report
 * (Biểu II.06a/VPCP/KSTT) from the case rows of the read model. A case belongs to the unit that received it (its
 * one-stop shop), on the tier it was received at.
 * <ul>
 * <li>counted in a period [from, to]: received on or before {@code to} and not finished before {@code from};
 * received = in the period (online / in person or by post) + carried over (received before {@code from});</li>
 * <li>finished in the period: early / on time / late as the resolved event says (date-level against the appointment
 * date when it does not), and late whenever supplementation was requested more than once or a Mẫu 04 apology was
 * sent;</li>
 * <li>in progress at the period's end: within time when the appointment date is on or after {@code to} (and at most
 * one supplementation, no apology: the apology's new date never makes a case "within time"), late otherwise;</li>
 * <li>refused at reception (Mẫu 03) in the period: its own column, never received, finished or in progress;</li>
 * <li>progress rate = (finished early or on time + in progress within time) ÷ counted; score = 20 × rate.</li>
 * </ul>
 */
@Service
public class ProgressReport {

    public record Row(Tier tier, String unitCode, String unitName, String parentCode, long received, long receivedOnline,
               long receivedInPersonOrPost, long carriedOver, long finished, long finishedEarly, long finishedOnTime,
               long finishedLate, long inProgress, long inProgressWithinTime, long inProgressLate,
               Double progressRate, BigDecimal progressScore, long refused) {
    }

    private static final String COUNTS = """
            with c as (
              select receiving_unit as unit_code, receiving_tier as tier, channel, received_on, supplementation_count,
                     due_date, apologised, refused_on,
                     case when refused_on is null and resolved_on is not null and resolved_on <= ? then
                       case when supplementation_count > 1 or apologised then 'LATE'
                            when timeliness in ('EARLY', 'ON_TIME', 'LATE') then timeliness
                            when due_date is null then 'ON_TIME'
                            when resolved_on < due_date then 'EARLY'
                            when resolved_on = due_date then 'ON_TIME'
                            else 'LATE' end
                     end as finished_as
                from rollup_case
               where received_on is not null and receiving_unit is not null and receiving_tier is not null
                 and received_on <= ? and (resolved_on is null or resolved_on >= ?)
                 and (refused_on is null or refused_on between ? and ?) and not_received_on is null %s
            )
            select unit_code, tier, count(*) filter (where refused_on is null),
                   count(*) filter (where refused_on is null and received_on >= ? and channel = 'ONLINE'),
                   count(*) filter (where refused_on is null and received_on >= ? and coalesce(channel, '') <> 'ONLINE'),
                   count(*) filter (where refused_on is null and received_on < ?),
                   count(*) filter (where finished_as is not null),
                   count(*) filter (where finished_as = 'EARLY'),
                   count(*) filter (where finished_as = 'ON_TIME'),
                   count(*) filter (where finished_as = 'LATE'),
                   count(*) filter (where refused_on is null and finished_as is null),
                   count(*) filter (where refused_on is null and finished_as is null and supplementation_count <= 1
                                      and not apologised and (due_date is null or due_date >= ?)),
                   count(*) filter (where refused_on is null and finished_as is null
                                      and (supplementation_count > 1 or apologised or due_date < ?)),
                   count(*) filter (where refused_on is not null)
              from c group by unit_code, tier""";

    /** The counts a row is made of (the columns of COUNTS after unit and tier). */
    private static final int WIDTH = 12;

    private final JdbcTemplate jdbc;
    private final UnitRegistry registry;
    private final UnitDirectory directory;

    ProgressReport(JdbcTemplate jdbc, UnitRegistry registry, UnitDirectory directory) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.directory = directory;
    }

    private record Counts(String unitCode, Tier tier, long[] v) {
    }

    /**
     * The kind a report counts: the report and the score are titled for administrative procedures (Biểu II.06a,
     * Quyết định 766/QĐ-TTg), so procedure dossiers unless work files are asked for; never both mixed.
     */
    public static String kindOrDefault(String kind) {
        return kind == null ? "PROCEDURE" : kind;
    }

    /** @param scope per receiving unit code, the days of receipt to count; null: all */
    private List<Counts> counts(RollupModel.Period p, Tier tier, String kind, Map<String, List<Days>> scope) {
        kind = kindOrDefault(kind);
        String filter = (tier != null ? " and receiving_tier = ?" : "") + " and kind = ?";
        List<Object> args = new ArrayList<>(List.of(p.to(), p.to(), p.from(), p.from(), p.to()));
        if (tier != null) {
            args.add(tier.name());
        }
        args.add(kind);
        if (scope != null) {
            // a case belongs to the unit version that received it: the version valid on its day of receipt
            List<String> codes = new ArrayList<>(), froms = new ArrayList<>(), tos = new ArrayList<>();
            scope.forEach((code, ranges) -> ranges.forEach(d -> {
                codes.add(code);
                froms.add(d.from() == null ? null : d.from().toString());
                tos.add(d.to() == null ? null : d.to().toString());
            }));
            filter += " " + """
                    and exists (select 1 from unnest(?::text[], ?::text[], ?::text[]) as w(code, f, t)
                                 where w.code = receiving_unit and (w.f is null or received_on >= w.f::date)
                                   and (w.t is null or received_on <= w.t::date))""";
            args.add(codes.toArray(String[]::new));
            args.add(froms.toArray(String[]::new));
            args.add(tos.toArray(String[]::new));
        }
        args.addAll(List.of(p.from(), p.from(), p.from(), p.to(), p.to()));
        return jdbc.query(COUNTS.formatted(filter), (rs, i) -> {
            long[] v = new long[WIDTH];
            for (int c = 0; c < WIDTH; c++) {
                v[c] = rs.getLong(3 + c);
            }
            return new Counts(rs.getString(1), Tier.valueOf(rs.getString(2)), v);
        }, args.toArray());
    }

    /**
     * Per receiving unit code, counting only the cases received on the days of {@code scope} (null: all); named
     * after the code's version on the period's last day, or the last version before it that the scope includes.
     */
    public List<Row> units(RollupModel.Period p, Tier tier, String kind, Map<String, List<Days>> scope) {
        UnitDirectory units = directory.snapshot();
        List<Row> rows = new ArrayList<>();
        for (Counts c : counts(p, tier, kind, scope)) {
            List<Days> days = scope == null ? List.of(Days.ALL) : scope.getOrDefault(c.unitCode(), List.of());
            Unit u = units.history(c.unitCode()).stream()
                    .filter(x -> !x.validFrom().isAfter(p.to()) && Days.coversVersion(days, x))
                    .reduce((a, b) -> b).orElse(null);
            rows.add(row(c.tier(), c.unitCode(), u == null ? null : u.name(), u == null ? null : u.parentCode(), c.v()));
        }
        rows.sort(Comparator.comparing(Row::tier).thenComparing(Row::unitCode));
        return rows;
    }

    /** Per tier in force on some day of the period, from the highest. */
    public List<Row> tiers(RollupModel.Period p, String kind) {
        Map<Tier, long[]> sums = new EnumMap<>(Tier.class);
        new TierCalendar(registry, p.from(), p.to()).tiers().forEach(t -> sums.put(t, new long[WIDTH]));
        for (Counts c : counts(p, null, kind, null)) {
            long[] s = sums.get(c.tier());
            if (s != null) {
                for (int i = 0; i < WIDTH; i++) {
                    s[i] += c.v()[i];
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((t, v) -> rows.add(row(t, null, null, null, v)));
        return rows;
    }

    private static Row row(Tier tier, String code, String name, String parent, long[] v) {
        long total = v[0];
        long good = v[5] + v[6] + v[9];
        Double rate = total == 0 ? null : BigDecimal.valueOf(good)
                .divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN).doubleValue();
        BigDecimal score = total == 0 ? null : BigDecimal.valueOf(20L * good)
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
        return new Row(tier, code, name, parent, total, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                rate, score, v[11]);
    }

}
