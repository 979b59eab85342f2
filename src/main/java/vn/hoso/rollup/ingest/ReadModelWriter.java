package vn.hoso.rollup.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseReceived;
import vn.hoso.events.CaseNotReceived;
import vn.hoso.events.CaseRefused;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.DocumentAttached;
import vn.hoso.events.OtherCaseEvent;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.events.SegmentClosed;
import vn.hoso.events.SegmentJudged;
import vn.hoso.events.SupplementationRequested;

/**
 * Applies a batch of events to one copy of the read model with one statement per table (arrays unnested by
 * PostgreSQL), inside the caller's transaction: first which events are new, then only their effects. An event is new
 * when its {@code hososeq} is above its case's position ({@code case_position}: the highest one applied; the upsert
 * that moves it returns where it was), or, without a {@code hososeq}, when its id is not yet in {@code processed_event}
 * ({@code on conflict do nothing returning}). Rows are written in key order so that concurrent consumers cannot
 * deadlock on the shared counters.
 */
@Component
class ReadModelWriter {

    record Outcome(int applied, int duplicates, int ignored) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ReadModelWriter(JdbcTemplate jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** Must run inside a transaction. {@code nextOffsets} (partition → next offset) may be null. */
    Outcome apply(ReadModel model, List<PublishedCaseEvent> events, String topic, Map<Integer, Long> nextOffsets) {
        return jdbc.execute((ConnectionCallback<Outcome>) con -> apply(con, model, events, topic, nextOffsets));
    }

    private Outcome apply(Connection con, ReadModel model, List<PublishedCaseEvent> events, String topic,
                          Map<Integer, Long> nextOffsets) throws SQLException {
        Map<UUID, PublishedCaseEvent> distinct = new LinkedHashMap<>();
        Map<String, Long> highest = new TreeMap<>();
        Set<UUID> unsequenced = new HashSet<>();
        for (PublishedCaseEvent e : events) {
            if (distinct.putIfAbsent(e.id(), e) == null) {
                if (e.seq() > 0) {
                    highest.merge(e.caseId(), e.seq(), Math::max);
                } else {
                    unsequenced.add(e.id());
                }
            }
        }
        Map<String, Long> position = highest.isEmpty() ? Map.of() : movePositions(con, model, highest);
        Set<UUID> fresh = unsequenced.isEmpty() ? Set.of() : insertIds(con, model, unsequenced);
        List<PublishedCaseEvent> todo = new ArrayList<>(distinct.size());
        for (PublishedCaseEvent e : distinct.values()) {
            if (e.seq() > 0) {
                // in the case's order; a copy of an earlier event, or one behind a later event, was applied before
                Long applied = position.get(e.caseId());
                if (applied == null || e.seq() > applied) {
                    todo.add(e);
                    position.put(e.caseId(), e.seq());
                }
            } else if (fresh.contains(e.id())) {
                todo.add(e);
            }
        }

        List<PublishedCaseEvent> segments = new ArrayList<>();
        List<SegmentJudged> judged = new ArrayList<>();
        Map<String, CaseRow> cases = new TreeMap<>();
        Map<String, Long> ignored = new TreeMap<>();
        List<PublishedCaseEvent> documents = new ArrayList<>();
        for (PublishedCaseEvent e : todo) {
            CaseEventData data = e.data();
            if (data instanceof DocumentAttached) {
                documents.add(e);
            } else if (data instanceof SegmentClosed) {
                segments.add(e);
            } else if (data instanceof SegmentJudged j) {
                judged.add(j);
            } else if (data instanceof CaseReceived || data instanceof CaseResolved
                    || data instanceof SupplementationRequested || data instanceof DueDateChanged
                    || data instanceof CaseRefused || data instanceof CaseNotReceived) {
                cases.computeIfAbsent(e.caseId(), CaseRow::new).add(e, zone);
            } else if (data instanceof OtherCaseEvent) {
                ignored.merge(e.type(), 1L, Long::sum);
            }
            // StepCompleted, CaseTransferred, OverdueWarning: summed up by segment.closed, nothing more to keep
        }
        Map<DayKey, long[]> daily = segments.isEmpty() ? Map.of() : insertSegments(con, model, segments);
        if (!judged.isEmpty()) {
            judgeSegments(con, model, judged);
        }
        if (!cases.isEmpty()) {
            upsertCases(con, model, cases.values());
        }
        if (!documents.isEmpty()) {
            insertDocuments(con, model, documents);
        }
        // the counters last: other consumers write the same rows, and wait for this transaction's locks on them
        if (!daily.isEmpty()) {
            upsertDaily(con, model, daily);
        }
        if (!ignored.isEmpty()) {
            upsertIgnored(con, model, ignored);
        }
        if (nextOffsets != null && !nextOffsets.isEmpty()) {
            upsertOffsets(con, topic, nextOffsets);
        }
        int ignoredCount = ignored.values().stream().mapToInt(Long::intValue).sum();
        return new Outcome(todo.size() - ignoredCount, events.size() - todo.size(), ignoredCount);
    }

    /** The documents of cases, for the digitization figures (one row per document; a replay changes nothing). */
    private static void insertDocuments(Connection con, ReadModel model, List<PublishedCaseEvent> events)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.documents()
                + " (document_id, case_id, component, stage, digitized_from_paper, unit_code, attached_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (document_id) do nothing")) {
            for (PublishedCaseEvent e : events) {
                DocumentAttached d = (DocumentAttached) e.data();
                UUID documentId;
                try {
                    documentId = UUID.fromString(d.documentId());
                } catch (IllegalArgumentException | NullPointerException notAnId) {
                    continue; // not the documents module's event: nothing to count
                }
                ps.setObject(1, documentId);
                ps.setString(2, e.caseId());
                ps.setString(3, d.component());
                ps.setString(4, d.stage());
                ps.setObject(5, d.digitizedFromPaper());
                ps.setString(6, d.unitCode());
                ps.setObject(7, e.time());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Moves each case's position to the highest {@code hososeq} of the batch (never back) and returns, per case, where
     * it was before (0 for a case seen for the first time); a mutable map.
     */
    private static Map<String, Long> movePositions(Connection con, ReadModel model, Map<String, Long> highest)
            throws SQLException {
        Map<String, Long> before = new HashMap<>();
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.casePosition() + " as p"
                + " (case_id, applied_seq) select * from unnest(?::varchar[], ?::int8[]) as t(case_id, seq)"
                + " order by t.case_id"
                + " on conflict (case_id) do update set before_seq = p.applied_seq,"
                + " applied_seq = greatest(p.applied_seq, excluded.applied_seq), applied_at = now()"
                + " returning case_id, before_seq")) {
            ps.setArray(1, con.createArrayOf("varchar", highest.keySet().toArray()));
            ps.setArray(2, con.createArrayOf("int8", highest.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return before;
    }

    private Set<UUID> insertIds(Connection con, ReadModel model, Set<UUID> ids) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.processed()
                + " (event_id) select unnest(?::uuid[]) on conflict do nothing returning event_id")) {
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    private record DayKey(LocalDate day, String tier, String unit, String kind) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = tier.compareTo(o.tier);
            }
            if (c == 0) {
                c = unit.compareTo(o.unit);
            }
            return c != 0 ? c : kind.compareTo(o.kind);
        }
    }

    /**
     * Mẫu 05: the unit's share and verdict go onto the segment row they judge (same case and segment number; the
     * segment.closed event precedes its judgement in the case's order, so the row exists). Not by closing time: two
     * segments of a case can close at the same instant (a frozen test clock, a hand-off and its return).
     */
    private void judgeSegments(Connection con, ReadModel model, List<SegmentJudged> judged) throws SQLException {
        int n = judged.size();
        String[] caseId = new String[n], unit = new String[n], closed = new String[n], due = new String[n],
                verdict = new String[n];
        Integer[] no = new Integer[n];
        for (int i = 0; i < n; i++) {
            SegmentJudged j = judged.get(i);
            caseId[i] = j.caseId();
            unit[i] = j.unitCode();
            closed[i] = str(j.closedAt());
            due[i] = str(j.dueDate());
            verdict[i] = j.verdict() == null ? null : j.verdict().name();
            no[i] = j.segmentNo();
        }
        try (PreparedStatement ps = con.prepareStatement("update " + model.segment() + " as s set segment_no = t.no,"
                + " due_date = t.due::date, verdict = t.verdict"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[])"
                + " as t(case_id, unit, closed, due, verdict, no)"
                + " where s.case_id = t.case_id and s.segment_no = t.no and s.unit_code = t.unit")) {
            ps.setArray(1, con.createArrayOf("text", caseId));
            ps.setArray(2, con.createArrayOf("text", unit));
            ps.setArray(3, con.createArrayOf("text", closed));
            ps.setArray(4, con.createArrayOf("text", due));
            ps.setArray(5, con.createArrayOf("text", verdict));
            ps.setArray(6, con.createArrayOf("int4", no));
            ps.executeUpdate();
        }
    }

    /** Inserts the segment rows; returns what they add to the daily counters. */
    private Map<DayKey, long[]> insertSegments(Connection con, ReadModel model, List<PublishedCaseEvent> segments)
            throws SQLException {
        int n = segments.size();
        Object[] id = new Object[n];
        String[] caseId = new String[n], unit = new String[n], tier = new String[n], kind = new String[n],
                procedure = new String[n], opened = new String[n], closed = new String[n], closedOn = new String[n];
        Integer[] steps = new Integer[n], paper = new Integer[n], segmentNo = new Integer[n];
        Boolean[] online = new Boolean[n], arrived = new Boolean[n];
        Map<DayKey, long[]> daily = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            PublishedCaseEvent e = segments.get(i);
            SegmentClosed s = (SegmentClosed) e.data();
            OffsetDateTime closedAt = CaseEventReader.closedAt(e, s);
            LocalDate day = businessDate(closedAt, zone);
            id[i] = e.id();
            caseId[i] = e.caseId();
            unit[i] = s.unitCode();
            tier[i] = s.tier().name();
            kind[i] = s.kind() == null ? "UNKNOWN" : s.kind().name();
            procedure[i] = s.procedureCode();
            opened[i] = str(s.openedAt());
            closed[i] = closedAt.toString();
            closedOn[i] = day.toString();
            steps[i] = s.steps();
            paper[i] = s.paperSteps();
            segmentNo[i] = s.segmentNo();
            online[i] = s.processedOnline();
            arrived[i] = s.arrivedElectronically();
            long[] counts = daily.computeIfAbsent(new DayKey(day, tier[i], unit[i], kind[i]), k -> new long[2]);
            counts[0]++;
            if (Boolean.TRUE.equals(online[i])) {
                counts[1]++;
            }
        }
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.segment() + """
                 (event_id, case_id, unit_code, tier, kind, procedure_code, opened_at, closed_at, closed_on, steps,
                  paper_steps, processed_online, arrived_electronically, segment_no)
                select t.id, t.case_id, t.unit, t.tier, t.kind, t.proc, t.opened::timestamptz, t.closed::timestamptz,
                       t.closed_on::date, t.steps, t.paper, t.online, t.arrived, t.segment_no
                  from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::int4[], ?::int4[], ?::bool[], ?::bool[], ?::int4[])
                       as t(id, case_id, unit, tier, kind, proc, opened, closed, closed_on, steps, paper, online, arrived,
                            segment_no)
                on conflict do nothing""")) {
            int p = 1;
            ps.setArray(p++, con.createArrayOf("uuid", id));
            for (String[] column : List.of(caseId, unit, tier, kind, procedure, opened, closed, closedOn)) {
                ps.setArray(p++, con.createArrayOf("text", column));
            }
            ps.setArray(p++, con.createArrayOf("int4", steps));
            ps.setArray(p++, con.createArrayOf("int4", paper));
            ps.setArray(p++, con.createArrayOf("bool", online));
            ps.setArray(p++, con.createArrayOf("bool", arrived));
            ps.setArray(p, con.createArrayOf("int4", segmentNo));
            ps.executeUpdate();
        }
        return daily;
    }

    private void upsertDaily(Connection con, ReadModel model, Map<DayKey, long[]> daily) throws SQLException {
        int n = daily.size();
        String[] day = new String[n], tier = new String[n], unit = new String[n], kind = new String[n];
        Long[] segments = new Long[n], online = new Long[n];
        int i = 0;
        for (var entry : daily.entrySet()) {
            DayKey k = entry.getKey();
            day[i] = k.day().toString();
            tier[i] = k.tier();
            unit[i] = k.unit();
            kind[i] = k.kind();
            segments[i] = entry.getValue()[0];
            online[i] = entry.getValue()[1];
            i++;
        }
        // one statement writes both counters, so they can never disagree; rows in key order (no deadlocks)
        try (PreparedStatement ps = con.prepareStatement("""
                with t as (select t.day::date as day, t.tier, t.unit, t.kind, t.segments, t.online
                             from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[])
                                  as t(day, tier, unit, kind, segments, online)),
                     daily as (insert into %s as d (day, tier, unit_code, kind, segments, processed_online)
                               select day, tier, unit, kind, segments, online from t
                               on conflict (day, tier, unit_code, kind) do update
                                  set segments = d.segments + excluded.segments,
                                      processed_online = d.processed_online + excluded.processed_online)
                insert into %s as m (month, tier, unit_code, kind, segments, processed_online)
                select date_trunc('month', day)::date, tier, unit, kind, sum(segments), sum(online) from t
                 group by 1, 2, 3, 4 order by 1, 2, 3, 4
                on conflict (month, tier, unit_code, kind) do update
                   set segments = m.segments + excluded.segments,
                       processed_online = m.processed_online + excluded.processed_online"""
                .formatted(model.daily(), model.monthly()))) {
            ps.setArray(1, con.createArrayOf("text", day));
            ps.setArray(2, con.createArrayOf("text", tier));
            ps.setArray(3, con.createArrayOf("text", unit));
            ps.setArray(4, con.createArrayOf("text", kind));
            ps.setArray(5, con.createArrayOf("int8", segments));
            ps.setArray(6, con.createArrayOf("int8", online));
            ps.executeUpdate();
        }
    }

    /** What one batch says about one case; later events of the batch win, the upsert merges with the stored row. */
    private static final class CaseRow {
        final String caseId;
        String code, kind, procedure, receivingUnit, receivingTier, channel, outcome, timeliness, resolvingUnit,
                resolvingTier;
        OffsetDateTime receivedAt, resolvedAt, refusedAt;
        LocalDate receivedOn, resolvedOn, refusedOn, notReceivedOn, dueDate;
        Long dueDateSeq, lastSeq;
        int supplementations;
        /** A Mẫu 04 apology was sent: late in every count, whatever the new date (docs/rollups.md). */
        boolean apologised;

        CaseRow(String caseId) {
            this.caseId = caseId;
        }

        void add(PublishedCaseEvent e, ZoneId zone) {
            lastSeq = lastSeq == null ? e.seq() : Math.max(lastSeq, e.seq());
            if (e.data() instanceof CaseReceived r) {
                code = or(r.code(), code);
                kind = or(r.kind(), kind);
                procedure = or(r.procedureCode(), procedure);
                receivingUnit = or(r.unitCode(), receivingUnit);
                receivingTier = or(r.tier(), receivingTier);
                channel = or(r.channel(), channel);
                receivedAt = r.receivedAt() != null ? r.receivedAt() : e.time();
                receivedOn = businessDate(receivedAt, zone);
                dueDate(r.dueDate(), e.seq());
            } else if (e.data() instanceof CaseResolved r) {
                kind = or(r.kind(), kind);
                procedure = or(r.procedureCode(), procedure);
                receivingUnit = or(r.receivingUnit(), receivingUnit);
                outcome = or(r.outcome(), outcome);
                timeliness = or(r.timeliness(), timeliness);
                resolvingUnit = or(r.unitCode(), resolvingUnit);
                resolvingTier = or(r.tier(), resolvingTier);
                resolvedAt = r.resolvedAt() != null ? r.resolvedAt() : e.time();
                resolvedOn = businessDate(resolvedAt, zone);
                dueDate(r.dueDate(), e.seq());
                apologised |= Boolean.TRUE.equals(r.apologyIssued());
            } else if (e.data() instanceof CaseNotReceived r) {
                kind = or(r.kind(), kind);
                procedure = or(r.procedureCode(), procedure);
                notReceivedOn = businessDate(r.returnedAt() != null ? r.returnedAt() : e.time(), zone);
            } else if (e.data() instanceof CaseRefused r) {
                kind = or(r.kind(), kind);
                procedure = or(r.procedureCode(), procedure);
                refusedAt = r.refusedAt() != null ? r.refusedAt() : e.time();
                refusedOn = businessDate(refusedAt, zone);
            } else if (e.data() instanceof SupplementationRequested r) {
                Integer count = r.requestCount();
                supplementations = Math.max(supplementations, count == null ? supplementations + 1 : count);
            } else if (e.data() instanceof DueDateChanged r) {
                dueDate(r.dueDate(), e.seq());
                apologised |= r.reason() == DueDateChanged.Reason.APOLOGY;
            }
        }

        private void dueDate(LocalDate d, long seq) {
            if (d != null && (dueDateSeq == null || seq >= dueDateSeq)) {
                dueDate = d;
                dueDateSeq = seq;
            }
        }

        private static String or(Object value, String fallback) {
            return value == null ? fallback : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }

    private void upsertCases(Connection con, ReadModel model, java.util.Collection<CaseRow> rows) throws SQLException {
        int n = rows.size();
        String[][] text = new String[16][n];
        Long[] dueSeq = new Long[n], lastSeq = new Long[n];
        Integer[] supp = new Integer[n];
        Boolean[] apologised = new Boolean[n];
        String[] refusedAt = new String[n], refusedOn = new String[n], notReceivedOn = new String[n];
        int i = 0;
        for (CaseRow r : rows) {
            String[] values = {r.caseId, r.code, r.kind, r.procedure, r.receivingUnit, r.receivingTier, r.channel,
                    str(r.receivedAt), str(r.receivedOn), str(r.dueDate), str(r.resolvedAt), str(r.resolvedOn),
                    r.outcome, r.timeliness, r.resolvingUnit, r.resolvingTier};
            for (int c = 0; c < 16; c++) {
                text[c][i] = values[c];
            }
            dueSeq[i] = r.dueDateSeq;
            lastSeq[i] = r.lastSeq;
            supp[i] = r.supplementations;
            apologised[i] = r.apologised;
            refusedAt[i] = str(r.refusedAt);
            refusedOn[i] = str(r.refusedOn);
            notReceivedOn[i] = str(r.notReceivedOn);
            i++;
        }
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.cases() + " as c" + """
                 (case_id, code, kind, procedure_code, receiving_unit, receiving_tier, channel, received_at,
                  received_on, due_date, resolved_at, resolved_on, outcome, timeliness, resolving_unit, resolving_tier,
                  due_date_seq, last_seq, supplementation_count, apologised, refused_at, refused_on,
                  not_received_on)
                select t.case_id, t.code, t.kind, t.proc, t.r_unit, t.r_tier, t.channel, t.received_at::timestamptz,
                       t.received_on::date, t.due_date::date, t.resolved_at::timestamptz, t.resolved_on::date,
                       t.outcome, t.timeliness, t.s_unit, t.s_tier, t.due_seq, t.last_seq, t.supp, t.apologised,
                       t.refused_at::timestamptz, t.refused_on::date, t.not_received_on::date
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::int8[], ?::int8[], ?::int4[], ?::bool[], ?::text[], ?::text[], ?::text[])
                       as t(case_id, code, kind, proc, r_unit, r_tier, channel, received_at, received_on, due_date,
                            resolved_at, resolved_on, outcome, timeliness, s_unit, s_tier, due_seq, last_seq, supp,
                            apologised, refused_at, refused_on, not_received_on)
                on conflict (case_id) do update set
                   code = coalesce(excluded.code, c.code),
                   kind = coalesce(excluded.kind, c.kind),
                   procedure_code = coalesce(excluded.procedure_code, c.procedure_code),
                   receiving_unit = coalesce(excluded.receiving_unit, c.receiving_unit),
                   receiving_tier = coalesce(excluded.receiving_tier, c.receiving_tier),
                   channel = coalesce(excluded.channel, c.channel),
                   received_at = coalesce(excluded.received_at, c.received_at),
                   received_on = coalesce(excluded.received_on, c.received_on),
                   due_date = case when excluded.due_date is not null
                                    and (c.due_date_seq is null or excluded.due_date_seq >= c.due_date_seq)
                                   then excluded.due_date else c.due_date end,
                   due_date_seq = case when excluded.due_date is not null
                                        and (c.due_date_seq is null or excluded.due_date_seq >= c.due_date_seq)
                                       then excluded.due_date_seq else c.due_date_seq end,
                   resolved_at = coalesce(excluded.resolved_at, c.resolved_at),
                   resolved_on = coalesce(excluded.resolved_on, c.resolved_on),
                   outcome = coalesce(excluded.outcome, c.outcome),
                   timeliness = coalesce(excluded.timeliness, c.timeliness),
                   resolving_unit = coalesce(excluded.resolving_unit, c.resolving_unit),
                   resolving_tier = coalesce(excluded.resolving_tier, c.resolving_tier),
                   supplementation_count = greatest(c.supplementation_count, excluded.supplementation_count),
                   apologised = c.apologised or excluded.apologised,
                   refused_at = coalesce(excluded.refused_at, c.refused_at),
                   refused_on = coalesce(excluded.refused_on, c.refused_on),
                   not_received_on = coalesce(excluded.not_received_on, c.not_received_on),
                   last_seq = greatest(c.last_seq, excluded.last_seq)""")) {
            int p = 1;
            for (int c = 0; c < 16; c++) {
                ps.setArray(p++, con.createArrayOf("text", text[c]));
            }
            ps.setArray(p++, con.createArrayOf("int8", dueSeq));
            ps.setArray(p++, con.createArrayOf("int8", lastSeq));
            ps.setArray(p++, con.createArrayOf("int4", supp));
            ps.setArray(p++, con.createArrayOf("bool", apologised));
            ps.setArray(p++, con.createArrayOf("text", refusedAt));
            ps.setArray(p++, con.createArrayOf("text", refusedOn));
            ps.setArray(p, con.createArrayOf("text", notReceivedOn));
            ps.executeUpdate();
        }
    }

    private void upsertIgnored(Connection con, ReadModel model, Map<String, Long> ignored) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("insert into " + model.ignored() + " as i (type, events)"
                + " select * from unnest(?::text[], ?::int8[]) on conflict (type) do update"
                + " set events = i.events + excluded.events")) {
            ps.setArray(1, con.createArrayOf("text", ignored.keySet().toArray()));
            ps.setArray(2, con.createArrayOf("int8", ignored.values().toArray()));
            ps.executeUpdate();
        }
    }

    private void upsertOffsets(Connection con, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        Map<Integer, Long> sorted = new TreeMap<>(nextOffsets);
        try (PreparedStatement ps = con.prepareStatement("""
                insert into rollup_offset as o (topic, partition, next_offset)
                select ?, t.p, t.n from unnest(?::int4[], ?::int8[]) as t(p, n)
                on conflict (topic, partition) do update set next_offset = greatest(o.next_offset, excluded.next_offset)""")) {
            ps.setString(1, topic);
            ps.setArray(2, con.createArrayOf("int4", sorted.keySet().toArray()));
            ps.setArray(3, con.createArrayOf("int8", sorted.values().toArray()));
            ps.executeUpdate();
        }
    }

    private static String str(Object o) {
        return Objects.toString(o, null);
    }

    private static LocalDate businessDate(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }
}
