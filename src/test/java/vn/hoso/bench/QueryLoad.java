package vn.hoso.bench;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * Benchmark 4's data: a year of raw events bulk-loaded into the event log with SQL ({@code generate_series}), and
 * the rollup read model ({@code rollup_daily}, all that {@code /tiers} and {@code /units} read) computed from exactly
 * those rows with the consumer's definition. Also the raw-log aggregations the API is compared with.
 *
 * <p>Bulk load: the append-only triggers are not bypassed (they refuse UPDATE, DELETE and TRUNCATE; this only
 * inserts). Event ids are UUIDs in load order (so the unique index on {@code id} is filled at its right edge, not at
 * random places: faster loading, same index afterwards). The hash chain is not computed: {@code prev_hash}/{@code hash} are 64-hex placeholders that link each
 * event to its predecessor but are not SHA-256 of the content, and no chain head, outbox or relay rows are written
 * (so the relay does not send these events to Kafka). The queries compared here read neither, so row shape, width
 * and indexes are what they would be for appended events.
 */
final class QueryLoad {

    static final int EVENTS_PER_CASE = 10;
    static final int CASES_PER_STATEMENT = 25_000;
    static final String PREFIX = "bench-q-";
    static final String RELAY_PREFIX = "bench-r-";
    static final String TIME_FORMAT = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"+07:00\"'";

    private final JdbcTemplate jdbc;
    private final UnitRegistry units;
    private final int year;
    private final String prefix;
    private int communeCount;

    /** Benchmark 4's year of events (case ids {@link #PREFIX}…). */
    QueryLoad(JdbcTemplate jdbc, UnitRegistry units, int year) {
        this(jdbc, units, year, PREFIX);
    }

    /** @param prefix of the case ids; other than {@link #PREFIX}: events only (see {@link #insertEvents}) */
    QueryLoad(JdbcTemplate jdbc, UnitRegistry units, int year, String prefix) {
        this.prefix = prefix;
        this.jdbc = jdbc;
        this.units = units;
        this.year = year;
    }

    /** Loads the raw events of cases {@code [fromCase, toCase)} (10 events each) and recomputes the read model. */
    Map<String, Object> fill(long fromCase, long toCase) throws Exception {
        long start = System.nanoTime();
        insertEvents(fromCase, toCase);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        return readModel(fromCase, toCase, loadSeconds);
    }

    /** Inserts the raw events of cases {@code [fromCase, toCase)}, 10 per case, two sessions. */
    void insertEvents(long fromCase, long toCase) throws Exception {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<String> communes = new ArrayList<>();
        List<String> districts = new ArrayList<>();
        for (Unit c : units.unitsOn(first, Tier.COMMUNE, null)) {
            if (c.validTo() != null && c.validTo().isBefore(last)) {
                continue;
            }
            units.unitOn(c.parentCode(), first).filter(d -> d.tier() == Tier.DISTRICT)
                    .filter(d -> d.validTo() == null || !d.validTo().isBefore(last))
                    .ifPresent(d -> {
                        communes.add(c.code());
                        districts.add(d.code());
                    });
        }
        long cases = toCase - fromCase;
        communeCount = communes.size();
        String insert = """
                insert into case_event (case_id, seq, id, type, source, time, event_time, data, prev_hash, hash)
                select '%1$s' || c, s, ('00000000-0000-4000-%4$s-' || lpad(to_hex(c * 16 + s), 12, '0'))::uuid, k.type, '/units/' || k.unit, tx.tt, tm.t, d.data,
                       case when s = 1 then repeat('0', 64) else md5('p' || c || '/' || s) || md5('q' || c || '/' || s) end,
                       md5('p' || c || '/' || (s + 1)) || md5('q' || c || '/' || (s + 1))
                from generate_series(?::bigint, ?::bigint) c
                cross join lateral (
                    select x.communes[1 + c %% x.n] as commune, x.districts[1 + c %% x.n] as district,
                           timestamptz '%2$d-01-01 08:00:00+07' + ((c / x.n) %% 365) * interval '1 day'
                               + (c %% 8) * interval '1 hour' as t0,
                           ((c / x.n) * 37 + c * 11) %% 100 < 40 + (c %% x.n) %% 55 as online_c,
                           (c * 13) %% 100 < 80 as online_d
                    from (select string_to_array(?, ',') as communes, string_to_array(?, ',') as districts,
                                 ?::int as n) x) u
                cross join lateral generate_series(1, 10) s
                cross join lateral (select u.t0 + (s - 1) * interval '2 hours' as t) tm
                cross join lateral (select to_char(tm.t at time zone 'Asia/Ho_Chi_Minh', %3$s) as tt,
                                           '%1$s' || c as cid) tx
                cross join lateral (select
                    case when s = 1 then 'vn.hoso.case.received'
                         when s in (2, 3, 4, 7, 8) then 'vn.hoso.step.completed'
                         when s in (5, 9) then 'vn.hoso.segment.closed'
                         when s = 6 then 'vn.hoso.case.transferred'
                         else 'vn.hoso.case.resolved' end as type,
                    case when s <= 6 then u.commune else u.district end as unit,
                    case when s <= 6 then 'COMMUNE' else 'DISTRICT' end as tier) k
                cross join lateral (select case
                    when s = 1 then jsonb_build_object('caseId', tx.cid, 'code', u.commune || '-Q-' || c,
                        'kind', 'PROCEDURE', 'procedureCode', 'SOCIAL_ALLOWANCE', 'unitCode', u.commune,
                        'tier', 'COMMUNE', 'channel', 'ONLINE', 'receivedAt', tx.tt,
                        'dueDate', to_char(u.t0 + interval '14 days', 'YYYY-MM-DD'))
                    when s in (2, 3, 4, 7, 8) then jsonb_build_object('caseId', tx.cid,
                        'step', case s when 2 then 'receive' when 3 then 'appraise' when 4 then 'forward'
                                       when 7 then 'appraise' else 'approve' end,
                        'taskId', md5('t' || c || '/' || s), 'unitCode', k.unit, 'tier', k.tier,
                        'mode', case when (s = 3 and not u.online_c) or (s = 8 and not u.online_d) then 'PAPER'
                                     else 'ELECTRONIC' end,
                        'actor', 'officer.' || k.unit, 'completedAt', tx.tt, 'kind', 'PROCEDURE',
                        'procedureCode', 'SOCIAL_ALLOWANCE')
                    when s in (5, 9) then jsonb_build_object('caseId', tx.cid, 'unitCode', k.unit, 'tier', k.tier,
                        'segmentNo', case s when 5 then 1 else 2 end,
                        'openedAt', to_char((case s when 5 then u.t0 else u.t0 + interval '10 hours' end)
                                            at time zone 'Asia/Ho_Chi_Minh', %3$s),
                        'closedAt', tx.tt, 'steps', case s when 5 then 3 else 2 end,
                        'paperSteps', case when (s = 5 and not u.online_c) or (s = 9 and not u.online_d) then 1 else 0 end,
                        'arrivedElectronically', true,
                        'processedOnline', case s when 5 then u.online_c else u.online_d end,
                        'kind', 'PROCEDURE', 'procedureCode', 'SOCIAL_ALLOWANCE',
                        'result', case s when 5 then 'FORWARDED' else 'ISSUED' end)
                    when s = 6 then jsonb_build_object('caseId', tx.cid, 'fromUnit', u.commune, 'fromTier', 'COMMUNE',
                        'toUnit', u.district, 'toTier', 'DISTRICT', 'mode', 'ELECTRONIC', 'transferredAt', tx.tt)
                    else jsonb_build_object('caseId', tx.cid, 'outcome', 'APPROVED', 'unitCode', u.district,
                        'tier', 'DISTRICT', 'resolvedAt', tx.tt, 'dueDate', to_char(u.t0 + interval '14 days', 'YYYY-MM-DD'),
                        'timeliness', 'EARLY', 'kind', 'PROCEDURE', 'procedureCode', 'SOCIAL_ALLOWANCE',
                        'receivingUnit', u.commune)
                    end as data) d
                """.formatted(prefix, year, TIME_FORMAT, prefix.equals(PREFIX) ? "8000" : "9000");

        long start = System.nanoTime();
        AtomicLong loaded = new AtomicLong();
        String communeList = String.join(",", communes);
        String districtList = String.join(",", districts);
        ExecutorService pool = Executors.newFixedThreadPool(2); // two cores: two loading sessions
        List<Future<?>> futures = new ArrayList<>();
        for (long from = fromCase; from < toCase; from += CASES_PER_STATEMENT) {
            long lo = from;
            long hi = Math.min(toCase, from + CASES_PER_STATEMENT) - 1;
            futures.add(pool.submit(() -> jdbc.execute((ConnectionCallback<Void>) con -> {
                try (Statement s = con.createStatement()) {
                    s.execute("set synchronous_commit = off");
                }
                try (var ps = con.prepareStatement(insert)) {
                    ps.setLong(1, lo);
                    ps.setLong(2, hi);
                    ps.setString(3, communeList);
                    ps.setString(4, districtList);
                    ps.setInt(5, communes.size());
                    ps.executeUpdate();
                }
                try (Statement s = con.createStatement()) {
                    s.execute("set synchronous_commit = on");
                }
                long n = loaded.addAndGet((hi - lo + 1) * EVENTS_PER_CASE);
                PerformanceBenchmark.log("load (%s): %,d of %,d raw events loaded (%.0f s)", prefix, n, (long) cases * EVENTS_PER_CASE,
                        (System.nanoTime() - start) / 1e9);
                return null;
            })));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private Map<String, Object> readModel(long fromCase, long toCase, double loadSeconds) {
        long cases = toCase - fromCase;
        long t = System.nanoTime();
        jdbc.execute("vacuum analyze case_event");
        double vacuumSeconds = (System.nanoTime() - t) / 1e9;

        // the read model from exactly the year's rows, recomputed: the consumer's definition of rollup_daily (day of
        // closedAt in the business time zone, tier, unit, kind; segments and processed online) and rollup_monthly
        // (the same per month)
        t = System.nanoTime();
        String yearFrom = year + "-01-01", yearTo = year + "-12-31";
        jdbc.update("delete from rollup_daily where day between ?::date and ?::date", yearFrom, yearTo);
        jdbc.update("delete from rollup_monthly where month between ?::date and ?::date", yearFrom, yearTo);
        int dailyRows = jdbc.update("""
                insert into rollup_daily (day, tier, unit_code, kind, segments, processed_online)
                select ((data->>'closedAt')::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date, data->>'tier',
                       data->>'unitCode', data->>'kind', count(*),
                       count(*) filter (where (data->>'processedOnline')::boolean)
                from case_event
                where type = 'vn.hoso.segment.closed' and case_id like ?
                  and event_time >= ?::timestamptz and event_time < ?::timestamptz
                group by 1, 2, 3, 4""", PREFIX + "%", fromInstant(), toInstant());
        int monthlyRows = jdbc.update("""
                insert into rollup_monthly (month, tier, unit_code, kind, segments, processed_online)
                select date_trunc('month', day)::date, tier, unit_code, kind, sum(segments), sum(processed_online)
                  from rollup_daily where day between ?::date and ?::date group by 1, 2, 3, 4""", yearFrom, yearTo);
        jdbc.execute("analyze rollup_daily");
        jdbc.execute("analyze rollup_monthly");
        double readModelSeconds = (System.nanoTime() - t) / 1e9;
        Long total = jdbc.queryForObject("select count(*) from case_event", Long.class);
        String size = jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('case_event'))", String.class);
        PerformanceBenchmark.log("query: %,d raw events in %.0f s (vacuum %.0f s), rollup_daily %,d rows and "
                + "rollup_monthly %,d rows in %.1f s; case_event %s", cases * EVENTS_PER_CASE, loadSeconds,
                vacuumSeconds, dailyRows, monthlyRows, readModelSeconds, size);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("rawEventsOfTheYear", toCase * EVENTS_PER_CASE);
        m.put("rawEventsLoadedInThisStep", cases * EVENTS_PER_CASE);
        m.put("caseEventRowsTotal", total);
        m.put("caseEventSize", size);
        m.put("segmentClosedEventsOfTheYear", toCase * 2);
        m.put("units", communeCount + " communes and their districts");
        m.put("loadSeconds", Stats.round(loadSeconds));
        m.put("vacuumAnalyzeSeconds", Stats.round(vacuumSeconds));
        m.put("readModelSeconds", Stats.round(readModelSeconds));
        m.put("rollupDailyRows", dailyRows);
        m.put("rollupMonthlyRows", monthlyRows);
        m.put("howLoaded", "raw events: one INSERT … SELECT generate_series per 25,000 cases, two sessions; append-only "
                + "triggers active (inserts only), hash chain not computed (placeholders), no outbox rows (not relayed); "
                + "read model: rollup_daily and rollup_monthly computed from those rows with the consumer's definition, "
                + "checked against the raw aggregation through RollupQueries before timing");
        return m;
    }

    private String fromInstant() {
        return year + "-01-01T00:00:00+07:00";
    }

    private String toInstant() {
        return (year + 1) + "-01-01T00:00:00+07:00";
    }

    /**
     * The read model's own SQL for a whole year, timed directly (no app): the tiers sums (one per tier, as
     * RollupService runs them) and the units aggregation over the monthly counters joined to the year's unit versions.
     * Tells how much of the API's latency is the database's.
     */
    double[] readModelSqlMs(int rounds) {
        List<Double> tiers = new ArrayList<>();
        List<Double> unitsMs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (String tier : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
                jdbc.queryForList(TIER_SUM, year + "-01-01", year + "-12-01", tier);
            }
            tiers.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            jdbc.queryForList(UNITS, year + "-12-31", year + "-01-01", year + "-01-01", year + "-12-01");
            unitsMs.add((System.nanoTime() - t) / 1e6);
        }
        return new double[] {Stats.median(tiers), Stats.percentile(tiers, 95), Stats.median(unitsMs),
                Stats.percentile(unitsMs, 95)};
    }

    static final String TIER_SUM = "select coalesce(sum(segments), 0), coalesce(sum(processed_online), 0)"
            + " from rollup_monthly where month between ?::date and ?::date and tier = ?";
    static final String UNITS = """
            with v as materialized (select code, valid_from as vf, valid_to as vt from unit
                                     where valid_from <= ?::date and (valid_to is null or valid_to >= ?::date))
            select d.unit_code, d.tier, v.vf, sum(d.segments), sum(d.processed_online)
              from rollup_monthly d
              left join v on v.code = d.unit_code and d.month >= v.vf and (v.vt is null or d.month <= v.vt)
             where d.month between ?::date and ?::date
             group by d.unit_code, d.tier, v.vf""";

    /** EXPLAIN (ANALYZE, BUFFERS) of the read model's tier sum (COMMUNE) and units aggregation: where the time goes. */
    Map<String, List<String>> readModelPlans() {
        Map<String, List<String>> plans = new LinkedHashMap<>();
        plans.put("tierSum", jdbc.queryForList("explain (analyze, buffers) " + TIER_SUM, String.class,
                year + "-01-01", year + "-12-01", "COMMUNE"));
        plans.put("units", jdbc.queryForList("explain (analyze, buffers) " + UNITS, String.class,
                year + "-12-31", year + "-01-01", year + "-01-01", year + "-12-01"));
        return plans;
    }

    Map<String, Long> readModelRows() {
        return Map.of("rollupDaily", jdbc.queryForObject("select count(*) from rollup_daily where day between ?::date"
                + " and ?::date", Long.class, year + "-01-01", year + "-12-31"), "rollupMonthly", jdbc.queryForObject(
                "select count(*) from rollup_monthly where month between ?::date and ?::date", Long.class,
                year + "-01-01", year + "-12-31"));
    }

    /** The tiers question on the raw log: segments closed in the year and processed online, per tier. */
    Map<String, long[]> rawTiers() {
        Map<String, long[]> out = new TreeMap<>();
        jdbc.query("""
                select data->>'tier', count(*), count(*) filter (where (data->>'processedOnline')::boolean)
                from case_event
                where type = 'vn.hoso.segment.closed' and event_time >= ?::timestamptz and event_time < ?::timestamptz
                group by 1""", rs -> {
            out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, fromInstant(), toInstant());
        return out;
    }

    /** The units question on the raw log: the same per (tier, unit), as "TIER/code" → {segments, online}. */
    Map<String, long[]> rawUnits() {
        Map<String, long[]> out = new TreeMap<>();
        jdbc.query("""
                select data->>'tier', data->>'unitCode', count(*),
                       count(*) filter (where (data->>'processedOnline')::boolean)
                from case_event
                where type = 'vn.hoso.segment.closed' and event_time >= ?::timestamptz and event_time < ?::timestamptz
                group by 1, 2""", rs -> {
            out.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
        }, fromInstant(), toInstant());
        return out;
    }
}
