package vn.hoso.rollup.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoso.units.Succession;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;
import vn.hoso.units.UnitRegistry;

import static vn.hoso.rollup.query.RollupModel.Figures;
import static vn.hoso.rollup.query.RollupModel.Period;
import static vn.hoso.rollup.query.RollupModel.SegmentPage;
import static vn.hoso.rollup.query.RollupModel.SegmentRow;
import static vn.hoso.rollup.query.RollupModel.TargetSpan;
import static vn.hoso.rollup.query.RollupModel.TierRow;
import static vn.hoso.rollup.query.RollupModel.Trend;
import static vn.hoso.rollup.query.RollupModel.TrendPoint;
import static vn.hoso.rollup.query.RollupModel.TrendSeries;
import static vn.hoso.rollup.query.RollupModel.UnitRef;
import static vn.hoso.rollup.query.RollupModel.UnitRow;

/**
 * The rollups, computed from the counters of the live read model (segments counted on the day they closed, in the
 * business time zone; whole months from the monthly counters, see {@link CounterSource}) and the unit registry. No access control: the web layer applies it (the per-unit queries
 * take the {@link Days} the caller may read).
 */
@Service
public class RollupService {

    private final JdbcTemplate jdbc;
    private final UnitRegistry registry;
    private final UnitDirectory directory;
    private final ZoneId zone;

    RollupService(JdbcTemplate jdbc, UnitRegistry registry, UnitDirectory directory, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.directory = directory;
        this.zone = businessZone;
    }

    private TierCalendar calendar(Period period) {
        return new TierCalendar(registry, period.from(), period.to());
    }

    // ---------------------------------------------------------------------------------------------- tiers

    public List<TierRow> tiers(Period period, String kind) {
        TierCalendar calendar = calendar(period);
        List<TierRow> rows = new ArrayList<>();
        for (Tier tier : calendar.tiers()) {
            Figures f = Figures.ZERO;
            for (Period p : calendar.periods(tier)) {
                f = f.plus(sum(tier, null, p, kind));
            }
            LocalDate first = calendar.firstDay(tier), last = calendar.lastDay(tier);
            var target = calendar.targetOn(tier, last);
            List<TargetSpan> spans = calendar.targetSpans(tier, first, last);
            rows.add(new TierRow(tier, f.segments(), f.processedOnline(), f.rate(), target, f.met(target),
                    spans.size() > 1 ? spans : null, first, last));
        }
        return rows;
    }

    private Figures sum(Tier tier, String unitCode, Period p, String kind) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select coalesce(sum(segments), 0), coalesce(sum(processed_online), 0)"
                + " from " + CounterSource.of(p).sql(args) + " d where true");
        dailyFilters(sql, args, tier, unitCode, kind);
        return jdbc.queryForObject(sql.toString(), (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2)),
                args.toArray());
    }

    // ---------------------------------------------------------------------------------------------- units

    /** One legal row: a unit version (null when the code was not valid on that day) and its figures. */
    private record LegalRow(String code, Tier tier, Unit unit, Figures figures) {
    }

    /** Legal view: segments grouped by the unit version valid on the day each closed. */
    private List<LegalRow> legalRows(UnitDirectory units, Period period, Tier tier, String kind) {
        List<Unit> versions = units.validBetween(period.from(), period.to(), null);
        String[] codes = new String[versions.size()], froms = new String[versions.size()], tos = new String[versions.size()];
        for (int i = 0; i < versions.size(); i++) {
            Unit u = versions.get(i);
            codes[i] = u.code();
            froms[i] = u.validFrom().toString();
            tos[i] = u.validTo() == null ? null : u.validTo().toString();
        }
        // "materialized": the versions' dates are cast once, not per joined row (docs/performance.md)
        List<Object> args = new ArrayList<>(List.of(codes, froms, tos));
        StringBuilder sql = new StringBuilder("""
                with v as materialized (select code, vf::date as vf, vt::date as vt
                             from unnest(?::text[], ?::text[], ?::text[]) as t(code, vf, vt))
                select d.unit_code, d.tier, v.vf, sum(d.segments), sum(d.processed_online)
                  from %s d
                  left join v on v.code = d.unit_code and d.day >= v.vf and (v.vt is null or d.day <= v.vt)
                 where true""".formatted(
                CounterSource.of(period, CounterSource.versionBoundaries(versions)).sql(args)));
        if (tier != null) {
            sql.append(" and d.tier = ?");
            args.add(tier.name());
        }
        if (kind != null) {
            sql.append(" and d.kind = ?");
            args.add(kind);
        }
        sql.append(" group by d.unit_code, d.tier, v.vf");
        return jdbc.execute((ConnectionCallback<List<LegalRow>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object arg = args.get(i);
                    ps.setObject(i + 1, arg instanceof String[] a ? con.createArrayOf("text", a) : arg);
                }
                List<LegalRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        Tier t = Tier.valueOf(rs.getString(2));
                        var vf = rs.getDate(3);
                        Unit unit = vf == null ? null : units.version(code, vf.toLocalDate()).orElse(null);
                        rows.add(new LegalRow(code, t, unit, new Figures(rs.getLong(4), rs.getLong(5))));
                    }
                }
                return rows;
            }
        });
    }

    public List<UnitRow> units(Period period, Tier tier, String kind) {
        TierCalendar calendar = calendar(period);
        UnitDirectory units = directory.snapshot();
        List<UnitRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LegalRow r : legalRows(units, period, tier, kind)) {
            rows.add(legalRow(r.code(), r.tier(), r.unit(), r.figures(), period, calendar));
            if (r.unit() != null) {
                seen.add(key(r.unit()));
            }
        }
        // units that were valid in the period without any segment still get their (empty) row
        for (Unit u : units.validBetween(period.from(), period.to(), tier)) {
            if (!seen.contains(key(u)) && calendar.periods(u.tier()).stream()
                    .anyMatch(p -> !u.validFrom().isAfter(p.to()) && (u.validTo() == null || !u.validTo().isBefore(p.from())))) {
                rows.add(legalRow(u.code(), u.tier(), u, Figures.ZERO, period, calendar));
            }
        }
        rows.sort(Comparator.comparing(UnitRow::tier).thenComparing(UnitRow::unitCode)
                .thenComparing(r -> r.validFrom() == null ? LocalDate.MIN : r.validFrom()));
        return rows;
    }

    private UnitRow legalRow(String code, Tier tier, Unit unit, Figures f, Period period, TierCalendar calendar) {
        LocalDate last = lastDay(unit, tier, period, calendar);
        var target = calendar.targetOn(tier, last);
        return new UnitRow(tier, code, unit == null ? null : unit.name(), unit == null ? null : unit.parentCode(),
                unit == null ? null : unit.validFrom(), unit == null ? null : unit.validTo(), f.segments(),
                f.processedOnline(), f.rate(), target, f.met(target), null, null, null, null);
    }

    /** The day whose target applies to a unit: the period's last day, or earlier if the unit or its tier ended. */
    private static LocalDate lastDay(Unit unit, Tier tier, Period period, TierCalendar calendar) {
        LocalDate last = period.to();
        if (unit != null && unit.validTo() != null && unit.validTo().isBefore(last)) {
            last = unit.validTo();
        }
        LocalDate tierLast = calendar.lastDay(tier);
        if (tierLast != null && tierLast.isBefore(last)) {
            last = tierLast;
        }
        return last;
    }

    /** Where a legal unit's figures go on {@code asOf}. */
    private record Destination(String kind, List<Unit> targets) {
    }

    private static Destination destination(UnitDirectory units, Unit unit, LocalDate asOf) {
        if (unit == null) {
            return new Destination("NO_SUCCESSOR", List.of());
        }
        if (unit.validOn(asOf)) {
            return new Destination("AS_OF", List.of(unit));
        }
        boolean partial = false;
        Map<String, Unit> found = new LinkedHashMap<>();
        List<Unit> frontier = List.of(unit);
        Set<String> visited = new HashSet<>();
        for (int depth = 0; depth < 10 && !frontier.isEmpty(); depth++) {
            List<Unit> next = new ArrayList<>();
            for (Unit u : frontier) {
                if (!visited.add(key(u))) {
                    continue;
                }
                for (Succession s : units.successorsOf(u)) {
                    if (s.kind() == Succession.Kind.PARTIAL) {
                        partial = true;
                    }
                    Optional<Unit> n = units.version(s.newCode(), s.newValidFrom());
                    if (n.isEmpty()) {
                        continue;
                    }
                    if (n.get().validOn(asOf)) {
                        found.put(key(n.get()), n.get());
                    } else if (!n.get().validFrom().isAfter(asOf)) {
                        next.add(n.get());
                    }
                }
            }
            frontier = next;
        }
        if (found.isEmpty()) {
            return new Destination("NO_SUCCESSOR", List.of());
        }
        if (partial || found.size() > 1) {
            return new Destination("PARTIAL", List.copyOf(found.values()));
        }
        return new Destination("FULL", List.copyOf(found.values()));
    }

    /** Restated view: the legal rows moved onto the units valid on {@code asOf} along full successions. */
    public List<UnitRow> unitsAsOf(Period period, Tier tier, String kind, LocalDate asOf) {
        TierCalendar calendar = calendar(period);
        UnitDirectory units = directory.snapshot();
        Map<String, Unit> asOfUnits = new TreeMap<>();
        Map<String, Figures> sums = new LinkedHashMap<>();
        Map<String, List<UnitRef>> fullFrom = new LinkedHashMap<>();
        Map<String, List<UnitRef>> partialFrom = new LinkedHashMap<>();
        List<UnitRow> others = new ArrayList<>();
        for (LegalRow r : legalRows(units, period, tier, kind)) {
            Destination d = destination(units, r.unit(), asOf);
            Figures f = r.figures();
            switch (d.kind()) {
                case "AS_OF", "FULL" -> {
                    Unit target = d.targets().get(0);
                    String key = key(target);
                    asOfUnits.put(key, target);
                    sums.merge(key, f, Figures::plus);
                    if (d.kind().equals("FULL")) {
                        fullFrom.computeIfAbsent(key, k -> new ArrayList<>()).add(ref(r, List.of()));
                    }
                }
                case "PARTIAL" -> {
                    List<String> to = d.targets().stream().map(Unit::code).toList();
                    for (Unit target : d.targets()) {
                        String key = key(target);
                        asOfUnits.put(key, target);
                        partialFrom.computeIfAbsent(key, k -> new ArrayList<>()).add(ref(r, to));
                    }
                    UnitRow legal = legalRow(r.code(), r.tier(), r.unit(), f, period, calendar);
                    others.add(withRestatement(legal, "PARTIAL", to));
                }
                default -> others.add(withRestatement(legalRow(r.code(), r.tier(), r.unit(), f, period, calendar),
                        "NO_SUCCESSOR", List.of()));
            }
        }
        Tier asOfTier = tier;
        for (Unit u : units.validBetween(asOf, asOf, null)) {
            if (asOfTier == null || u.tier() == asOfTier) {
                asOfUnits.putIfAbsent(key(u), u);
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        TierCalendar asOfCalendar = calendar(new Period(asOf, asOf));
        for (var entry : asOfUnits.entrySet()) {
            Unit u = entry.getValue();
            Figures f = sums.getOrDefault(entry.getKey(), Figures.ZERO);
            var target = asOfCalendar.targetOn(u.tier(), asOf);
            rows.add(new UnitRow(u.tier(), u.code(), u.name(), u.parentCode(), u.validFrom(), u.validTo(),
                    f.segments(), f.processedOnline(), f.rate(), target, f.met(target), "AS_OF",
                    fullFrom.getOrDefault(entry.getKey(), List.of()),
                    partialFrom.getOrDefault(entry.getKey(), List.of()), List.of()));
        }
        rows.sort(Comparator.comparing(UnitRow::tier).thenComparing(UnitRow::unitCode));
        others.sort(Comparator.comparing(UnitRow::tier).thenComparing(UnitRow::unitCode));
        rows.addAll(others);
        return rows;
    }

    private static UnitRef ref(LegalRow r, List<String> successors) {
        return new UnitRef(r.code(), r.unit() == null ? null : r.unit().validFrom(),
                r.unit() == null ? null : r.unit().name(), r.figures().segments(), r.figures().processedOnline(),
                successors);
    }

    private static UnitRow withRestatement(UnitRow r, String restatement, List<String> partialTo) {
        return new UnitRow(r.tier(), r.unitCode(), r.unitName(), r.parentCode(), r.validFrom(), r.validTo(),
                r.segments(), r.processedOnline(), r.onlineRate(), r.target(), r.met(), restatement, List.of(),
                List.of(), partialTo);
    }

    // ---------------------------------------------------------------------------------------------- trend

    /**
     * Monthly figures of the tiers, or of one unit code on the given days (those of the versions the caller reads;
     * ignored without a code).
     */
    public Trend trend(Period period, Tier tier, String unitCode, List<Days> days, String kind) {
        TierCalendar calendar = calendar(period);
        List<TrendSeries> series = new ArrayList<>();
        if (unitCode != null) {
            Unit latest = directory.history(unitCode).stream()
                    .filter(u -> !u.validFrom().isAfter(period.to()))
                    .filter(u -> Days.coversVersion(days, u))
                    .reduce((a, b) -> b).orElse(null);
            Tier unitTier = latest == null ? tier : latest.tier();
            series.add(new TrendSeries(unitTier, unitCode, latest == null ? null : latest.name(),
                    points(List.of(period), tier, unitCode, days, kind, calendar, unitTier)));
        } else {
            for (Tier t : calendar.tiers()) {
                if (tier == null || tier == t) {
                    series.add(new TrendSeries(t, null, null,
                            points(calendar.periods(t), t, null, List.of(Days.ALL), kind, calendar, t)));
                }
            }
        }
        return new Trend(period.from(), period.to(), kind, series);
    }

    private List<TrendPoint> points(List<Period> periods, Tier tier, String unitCode, List<Days> days, String kind,
                                    TierCalendar calendar, Tier targetTier) {
        List<TrendPoint> points = new ArrayList<>();
        for (Period p : periods) {
            Map<YearMonth, Figures> byMonth = monthly(p, tier, unitCode, days, kind);
            for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
                LocalDate f = m.atDay(1).isBefore(p.from()) ? p.from() : m.atDay(1);
                LocalDate t = m.atEndOfMonth().isAfter(p.to()) ? p.to() : m.atEndOfMonth();
                Figures fig = byMonth.getOrDefault(m, Figures.ZERO);
                var target = calendar.targetOn(targetTier, t);
                points.add(new TrendPoint(m.toString(), f, t, fig.segments(), fig.processedOnline(), fig.rate(),
                        target, fig.met(target)));
            }
        }
        return points;
    }

    private Map<YearMonth, Figures> monthly(Period p, Tier tier, String unitCode, List<Days> days, String kind) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select date_trunc('month', day)::date, sum(segments),"
                + " sum(processed_online) from " + CounterSource.of(p, CounterSource.dayBoundaries(days)).sql(args)
                + " d where true");
        dailyFilters(sql, args, tier, unitCode, kind);
        Days.restrict(sql, args, "day", days);
        sql.append(" group by 1");
        Map<YearMonth, Figures> result = new TreeMap<>();
        jdbc.query(sql.toString(), rs -> {
            result.put(YearMonth.from(rs.getDate(1).toLocalDate()), new Figures(rs.getLong(2), rs.getLong(3)));
        }, args.toArray());
        return result;
    }

    // ---------------------------------------------------------------------------------------------- drill-down

    /** A unit code's segments closed in the period on the given days (those of the versions the caller reads). */
    public SegmentPage segments(String unitCode, Period period, List<Days> days, String kind, int offset, int limit) {
        StringBuilder sql = new StringBuilder(" from rollup_segment s left join rollup_case c on c.case_id = s.case_id"
                + " where s.unit_code = ? and s.closed_on between ? and ?" + (kind != null ? " and s.kind = ?" : ""));
        List<Object> args = new ArrayList<>(List.of(unitCode, period.from(), period.to()));
        if (kind != null) {
            args.add(kind);
        }
        Days.restrict(sql, args, "s.closed_on", days);
        String where = sql.toString();
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        args.add(limit);
        args.add(offset);
        List<SegmentRow> rows = jdbc.query("""
                select s.case_id, c.code, s.tier, s.kind, s.procedure_code, s.opened_at, s.closed_at, s.closed_on,
                       s.steps, s.paper_steps, s.processed_online, s.arrived_electronically, c.channel, c.received_at,
                       c.due_date, c.resolved_at, c.outcome, c.timeliness, coalesce(c.supplementation_count, 0),
                       s.segment_no, s.due_date, s.verdict
                """ + where + " order by s.closed_at, s.case_id limit ? offset ?", (rs, i) -> new SegmentRow(
                rs.getString(1), rs.getString(2), Tier.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                time(rs, 6), time(rs, 7), rs.getDate(8).toLocalDate(), (Integer) rs.getObject(9),
                (Integer) rs.getObject(10), rs.getBoolean(11), (Boolean) rs.getObject(12), rs.getString(13),
                time(rs, 14), rs.getDate(15) == null ? null : rs.getDate(15).toLocalDate(), time(rs, 16),
                rs.getString(17), rs.getString(18), rs.getInt(19), (Integer) rs.getObject(20),
                rs.getDate(21) == null ? null : rs.getDate(21).toLocalDate(), rs.getString(22)), args.toArray());
        return new SegmentPage(unitCode, period.from(), period.to(), total == null ? 0 : total, offset, limit, rows);
    }

    /** A unit version's key in the maps of one answer ("code@validFrom"; its order is the rows' order). */
    private static String key(Unit u) {
        return u.code() + "@" + u.validFrom();
    }

    private OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }


    /** The optional filters of a query on the counters (tier, unit code, kind). */
    private static void dailyFilters(StringBuilder sql, List<Object> args, Tier tier, String unitCode, String kind) {
        if (tier != null) {
            sql.append(" and tier = ?");
            args.add(tier.name());
        }
        if (unitCode != null) {
            sql.append(" and unit_code = ?");
            args.add(unitCode);
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind);
        }
    }
}
