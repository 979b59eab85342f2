package vn.hoso.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.HashMap;
import java.util.function.Supplier;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.stereotype.Repository;
import vn.hoso.events.Channel;
import vn.hoso.events.Resolution;
import vn.hoso.events.SegmentResult;
import vn.hoso.events.StepMode;
import vn.hoso.events.Timeliness;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/** Case files and segments in PostgreSQL; every write joins the caller's (the engine's) transaction. */
@Repository
class CaseStore {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    CaseStore(JdbcTemplate jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** The two tables this store reads and writes: a write forgets only the reads of its own table. */
    private enum Table {
        CASE_FILE, CASE_SEGMENT
    }

    /** What a read was of: its table and kind (the case's state, its open segment, …) and its key. */
    private record Read(Table table, String what, Object key) {
    }

    /**
     * The reads of the current transaction, each until this store writes to its table: an engine step asks for its
     * case's state and open segment from several listeners, gateways and expressions (issue 16's profile: about seven
     * identical locked reads of the state a step), and the case's row stays locked by the first read until the
     * transaction ends. Only this store writes case_file and case_segment.
     */
    @SuppressWarnings("unchecked")
    private Map<Read, Object> readsOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Read, Object> reads = (Map<Read, Object>) TransactionSynchronizationManager.getResource(this);
        if (reads == null) {
            Map<Read, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseStore.this);
                }
            });
            reads = fresh;
        }
        return reads;
    }

    @SuppressWarnings("unchecked")
    private <T> T readOnce(Table table, String what, Object key, Supplier<T> reader) {
        Map<Read, Object> reads = readsOfThisTransaction();
        if (reads == null) {
            return reader.get();
        }
        Read read = new Read(table, what, key);
        if (reads.containsKey(read)) {
            return (T) reads.get(read);
        }
        T value = reader.get();
        reads.put(read, value);
        return value;
    }

    /** Every write of case_file goes through here: it forgets the reads of that table in this transaction. */
    private int writeCase(String sql, Object... args) {
        forgetReads(Table.CASE_FILE);
        return jdbc.update(sql, args);
    }

    /**
     * An update of one case's row ({@code update case_file set … where case_id = ?}): forgets the reads of case_file
     * like any write, and in a transaction keeps the row it leaves (its state and what Tasklist shows, returned by
     * the update itself, which locks the row as the state's read does) as the next reads of the case, by its id and
     * by the process instance it is bound to.
     */
    private int updateCase(String sql, Object... args) {
        Map<Read, Object> reads = readsOfThisTransaction();
        if (reads == null) {
            return writeCase(sql, args);
        }
        forgetReads(Table.CASE_FILE);
        List<State> states = jdbc.query(sql + " returning " + STATE_COLUMNS, (rs, i) -> state(rs, reads), args);
        for (State state : states) {
            reads.put(new Read(Table.CASE_FILE, "state", state.caseId()), state);
            if (state.processInstanceId() != null) {
                reads.put(new Read(Table.CASE_FILE, "boundTo", state.processInstanceId()), Optional.of(state));
            }
        }
        return states.size();
    }

    /**
     * An update of a case's open segment ({@code update case_segment set … where case_id = ? and closed_at is
     * null}): forgets the reads of case_segment like any write, and in a transaction keeps what the update returns
     * of the open segment (itself, its due date) as the next reads of them.
     */
    private int updateOpenSegment(UUID caseId, String sql, Object... args) {
        Map<Read, Object> reads = readsOfThisTransaction();
        if (reads == null) {
            return writeSegment(sql, args);
        }
        forgetReads(Table.CASE_SEGMENT);
        List<OpenSegmentRow> rows = jdbc.query(sql + " returning " + OPEN_SEGMENT_COLUMNS + ", due_date",
                (rs, i) -> new OpenSegmentRow(openSegment(rs), rs.getObject("due_date", LocalDate.class)), args);
        if (rows.size() == 1) {
            reads.put(new Read(Table.CASE_SEGMENT, "openSegment", caseId), Optional.of(rows.get(0).segment()));
            reads.put(new Read(Table.CASE_SEGMENT, "openSegmentDue", caseId), Optional.ofNullable(rows.get(0).due()));
        }
        return rows.size();
    }

    /** What an update of the open segment returns: the segment as {@link #openSegment} reads it, and its due date. */
    private record OpenSegmentRow(OpenSegment segment, LocalDate due) {
    }

    /** Every write of case_segment goes through here (or forgets the segment's reads itself, as closeSegment). */
    private int writeSegment(String sql, Object... args) {
        forgetReads(Table.CASE_SEGMENT);
        return jdbc.update(sql, args);
    }

    @SuppressWarnings("unchecked")
    private void forgetReads(Table table) {
        Map<Read, Object> reads = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Map<Read, Object>) TransactionSynchronizationManager.getResource(this) : null;
        if (reads != null) {
            reads.keySet().removeIf(read -> read.table() == table);
        }
    }

    /** State the workflow needs while moving a case (no personal data). */
    record State(UUID caseId, String code, CaseKind kind, String procedureCode, Channel channel, String receivingUnit,
                 Tier receivingTier, OffsetDateTime receivedAt, LocalDate dueDate, String route, int segmentIndex,
                 CaseStatus status,
                 String currentUnit, Tier currentTier, String outcome, int supplementationCount,
                 OffsetDateTime supplementationSince, boolean apologyIssued, boolean nextArrivalElectronic,
                 String processInstanceId, boolean returning, OffsetDateTime paymentSince) {
    }

    /** The open segment's last decision and how its last step was done, as recorded by the step listener. */
    record OpenSegment(int segmentNo, String unitCode, Tier tier, String lastOutcome, StepMode lastMode) {
    }

    /** What Tasklist shows of a case on its tasks (the applicant's name only for procedure dossiers). */
    record Display(String code, String procedureCode, String subject, String applicantName, LocalDate dueDate,
                   boolean overdueWarned) {
    }

    int nextSequence(String unitCode, LocalDate day) {
        return jdbc.queryForObject("""
                insert into case_code_counter (unit_code, day, last) values (?, ?, 1)
                on conflict (unit_code, day) do update set last = case_code_counter.last + 1
                returning last""", Integer.class, unitCode, day);
    }

    void insert(UUID caseId, String code, CaseKind kind, String procedureCode, String subject, String applicantName,
                String applicantIdNumber, Channel channel, String receivingUnit, Tier receivingTier,
                OffsetDateTime receivedAt, LocalDate dueDate, String route, String createdBy) {
        writeCase("""
                insert into case_file (case_id, code, kind, procedure_code, subject, applicant_name,
                    applicant_id_number, channel, receiving_unit, receiving_tier, received_at, due_date, route,
                    status, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId, code, kind.name(), procedureCode, subject, applicantName, applicantIdNumber, channel.name(),
                receivingUnit, receivingTier.name(), receivedAt, dueDate, route, CaseStatus.RECEIVED.name(),
                createdBy);
    }

    State state(UUID caseId) {
        return readOnce(Table.CASE_FILE, "state", caseId, () -> lockedStates("case_id", caseId).get(0));
    }

    /** The case bound to a process instance (the root of a case's processes), if one is. */
    Optional<State> boundTo(String processInstanceId) {
        Optional<State> bound = readOnce(Table.CASE_FILE, "boundTo", processInstanceId,
                () -> lockedStates("process_instance_id", processInstanceId).stream().findFirst());
        bound.ifPresent(state -> readOnce(Table.CASE_FILE, "state", state.caseId(), () -> state));
        return bound;
    }

    /**
     * The locked case rows by a key; what Tasklist shows of each ({@link #display}) comes with them and is kept with
     * the reads of the transaction (a task's creation asks for both).
     */
    private List<State> lockedStates(String keyColumn, Object key) {
        Map<Read, Object> reads = readsOfThisTransaction();
        List<State> states = jdbc.query("select " + STATE_COLUMNS + " from case_file where %s = ? for update"
                .formatted(keyColumn), (rs, i) -> state(rs, reads), key);
        if (states.isEmpty() && keyColumn.equals("case_id")) {
            throw new EmptyResultDataAccessException("No case " + key, 1);
        }
        return states;
    }

    /** What {@link #state} and {@link #display} are made of. */
    private static final String STATE_COLUMNS = """
            case_id, code, kind, procedure_code, channel, receiving_unit, receiving_tier, received_at, due_date, route,
            segment_index, status, current_unit, current_tier, outcome, supplementation_count, supplementation_since,
            apology_issued, next_arrival_electronic, process_instance_id, on_return_leg, payment_since, subject,
            applicant_name, overdue_warned""";

    /** A case's state from a row of {@link #STATE_COLUMNS}; what Tasklist shows of it goes into {@code reads}. */
    private State state(ResultSet rs, Map<Read, Object> reads) throws SQLException {
        State state = new State(rs.getObject("case_id", UUID.class), rs.getString("code"),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("procedure_code"),
                Channel.valueOf(rs.getString("channel")), rs.getString("receiving_unit"),
                Tier.valueOf(rs.getString("receiving_tier")), time(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("route"), rs.getInt("segment_index"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("current_unit"),
                tier(rs, "current_tier"), rs.getString("outcome"), rs.getInt("supplementation_count"),
                time(rs, "supplementation_since"), rs.getBoolean("apology_issued"),
                rs.getBoolean("next_arrival_electronic"), rs.getString("process_instance_id"),
                rs.getBoolean("on_return_leg"), time(rs, "payment_since"));
        if (reads != null) {
            reads.put(new Read(Table.CASE_FILE, "display", state.caseId()), display(rs));
        }
        return state;
    }

    /** Binds the case to the process instance it runs in; false when it is already bound to another one. */
    boolean bindProcessInstance(UUID caseId, String processInstanceId) {
        return updateCase("""
                update case_file set process_instance_id = ?
                 where case_id = ? and (process_instance_id is null or process_instance_id = ?)""",
                processInstanceId, caseId, processInstanceId) == 1;
    }

    void setReturning(UUID caseId, boolean returning) {
        updateCase("update case_file set on_return_leg = ? where case_id = ?", returning, caseId);
    }

    Optional<OpenSegment> openSegment(UUID caseId) {
        return readOnce(Table.CASE_SEGMENT, "openSegment", caseId, () -> jdbc.query("select " + OPEN_SEGMENT_COLUMNS
                + " from case_segment where case_id = ? and closed_at is null", (rs, i) -> openSegment(rs), caseId)
                .stream().findFirst());
    }

    private static final String OPEN_SEGMENT_COLUMNS = "segment_no, unit_code, tier, last_outcome, last_mode";

    private static OpenSegment openSegment(ResultSet rs) throws SQLException {
        return new OpenSegment(rs.getInt("segment_no"), rs.getString("unit_code"), Tier.valueOf(rs.getString("tier")),
                rs.getString("last_outcome"),
                rs.getString("last_mode") == null ? null : StepMode.valueOf(rs.getString("last_mode")));
    }

    /** How many segments the case has had (open or closed). */
    int segmentCount(UUID caseId) {
        return jdbc.queryForObject("select count(*) from case_segment where case_id = ?", Integer.class, caseId);
    }

    /** How the case's most recent segment ended (null while none has ended). */
    SegmentResult lastSegmentResult(UUID caseId) {
        return readOnce(Table.CASE_SEGMENT, "lastSegmentResult", caseId, () -> jdbc.query("""
                select result from case_segment where case_id = ? and closed_at is not null
                 order by segment_no desc limit 1""", (rs, i) -> SegmentResult.valueOf(rs.getString(1)), caseId)
                .stream().findFirst().orElse(null));
    }

    Display display(UUID caseId) {
        return readOnce(Table.CASE_FILE, "display", caseId, () -> jdbc.queryForObject("""
                select code, procedure_code, subject, applicant_name, due_date, overdue_warned
                  from case_file where case_id = ?""", (rs, i) -> display(rs), caseId));
    }

    private static Display display(ResultSet rs) throws SQLException {
        return new Display(rs.getString("code"), rs.getString("procedure_code"), rs.getString("subject"),
                rs.getString("applicant_name"), rs.getObject("due_date", LocalDate.class),
                rs.getBoolean("overdue_warned"));
    }

    void moveTo(UUID caseId, int segmentIndex, String unitCode, Tier tier, CaseStatus status) {
        updateCase("update case_file set segment_index = ?, current_unit = ?, current_tier = ?, status = ? "
                + "where case_id = ?", segmentIndex, unitCode, tier.name(), status.name(), caseId);
    }

    /** The route from the current stop on, resolved to today's units (the 2025-07-01 reform, {@link CaseFlow}). */
    void setRoute(UUID caseId, String route) {
        updateCase("update case_file set route = ? where case_id = ?", route, caseId);
    }

    void setStatus(UUID caseId, CaseStatus status) {
        updateCase("update case_file set status = ? where case_id = ?", status.name(), caseId);
    }

    void setNextArrivalElectronic(UUID caseId, boolean electronic) {
        updateCase("update case_file set next_arrival_electronic = ? where case_id = ?", electronic, caseId);
    }

    void supplementationRequested(UUID caseId, OffsetDateTime at) {
        updateCase("""
                update case_file set supplementation_count = supplementation_count + 1,
                       supplementation_since = ?, status = ? where case_id = ?""",
                at, CaseStatus.SUPPLEMENTATION_REQUESTED.name(), caseId);
    }

    void supplementationReceived(UUID caseId, LocalDate newDueDate) {
        updateCase("""
                update case_file set supplementation_since = null, due_date = ?, status = ? where case_id = ?""",
                newDueDate, CaseStatus.PROCESSING.name(), caseId);
    }

    /** Mẫu 02 at reception: returned incomplete, never received; no outcome, no timeliness. */
    void notReceived(UUID caseId, OffsetDateTime at) {
        updateCase("update case_file set resolved_at = ?, status = ? where case_id = ?", at,
                CaseStatus.NOT_RECEIVED.name(), caseId);
    }

    void paymentRequested(UUID caseId, OffsetDateTime at) {
        updateCase("update case_file set payment_since = ?, status = ? where case_id = ?", at,
                CaseStatus.AWAITING_PAYMENT.name(), caseId);
    }

    void paymentMet(UUID caseId, LocalDate newDueDate) {
        updateCase("update case_file set payment_since = null, due_date = ?, status = ? where case_id = ?",
                newDueDate, CaseStatus.PROCESSING.name(), caseId);
    }

    void overdueWarned(UUID caseId) {
        updateCase("update case_file set overdue_warned = true where case_id = ?", caseId);
    }

    void apologyIssued(UUID caseId, LocalDate newDueDate) {
        updateCase("update case_file set apology_issued = true, due_date = ? where case_id = ?", newDueDate, caseId);
    }

    void resolve(UUID caseId, Resolution outcome, Timeliness timeliness, OffsetDateTime at, CaseStatus status) {
        updateCase("update case_file set outcome = ?, timeliness = ?, resolved_at = ?, status = ? where case_id = ?",
                outcome.name(), timeliness.name(), at, status.name(), caseId);
    }

    /** Refused at reception (Mẫu 03): outcome REJECTED, never judged for timeliness. */
    void refuse(UUID caseId, OffsetDateTime at) {
        updateCase("update case_file set outcome = ?, timeliness = null, resolved_at = ?, status = ? where case_id = ?",
                Resolution.REJECTED.name(), at, CaseStatus.REJECTED.name(), caseId);
    }

    void openSegment(UUID caseId, int segmentNo, String unitCode, Tier tier, OffsetDateTime at,
                     boolean arrivedElectronically) {
        openSegment(caseId, segmentNo, unitCode, tier, at, arrivedElectronically, null);
    }

    /** @param dueDate the unit's share of the statutory time ends on this day (Mẫu 05); null: none (return leg) */
    void openSegment(UUID caseId, int segmentNo, String unitCode, Tier tier, OffsetDateTime at,
                     boolean arrivedElectronically, LocalDate dueDate) {
        writeSegment("""
                insert into case_segment (case_id, segment_no, unit_code, tier, opened_at, arrived_electronically,
                                          due_date)
                values (?, ?, ?, ?, ?, ?, ?)""", caseId, segmentNo, unitCode, tier.name(), at, arrivedElectronically,
                dueDate);
    }

    /** The open segment's own due date (Mẫu 05), if it has one. */
    Optional<LocalDate> openSegmentDue(UUID caseId) {
        return readOnce(Table.CASE_SEGMENT, "openSegmentDue", caseId, () -> jdbc.query(
                "select due_date from case_segment where case_id = ? and closed_at is null",
                (rs, i) -> rs.getObject(1, LocalDate.class), caseId).stream().filter(d -> d != null).findFirst());
    }

    void setOpenSegmentDue(UUID caseId, LocalDate dueDate) {
        updateOpenSegment(caseId, "update case_segment set due_date = ? where case_id = ? and closed_at is null",
                dueDate, caseId);
    }

    /**
     * Counts a completed step in the case's open segment and, for a step of the segment itself (not the Mẫu 04
     * apology, which runs beside it), records its decision and mode for the gateways and the hand-off; false when
     * no segment is open.
     */
    boolean recordStep(UUID caseId, StepMode mode, boolean segmentStep, String outcome) {
        boolean paper = mode == StepMode.PAPER;
        return updateOpenSegment(caseId, """
                update case_segment set steps = steps + 1, paper_steps = paper_steps + ?,
                       last_outcome = case when ? then ? else last_outcome end,
                       last_mode = case when ? then ? else last_mode end
                 where case_id = ? and closed_at is null""",
                paper ? 1 : 0, segmentStep, outcome, segmentStep, mode.name(), caseId) > 0;
    }

    /** A segment that arrived on paper can still be digitized at reception (an electronic receive step). */
    void markArrivedElectronically(UUID caseId) {
        updateOpenSegment(caseId,
                "update case_segment set arrived_electronically = true where case_id = ? and closed_at is null",
                caseId);
    }

    Optional<CaseFile.Segment> closeSegment(UUID caseId, OffsetDateTime at, SegmentResult result) {
        forgetReads(Table.CASE_SEGMENT);
        return jdbc.query("""
                update case_segment set closed_at = ?, result = ? where case_id = ? and closed_at is null
                returning segment_no, unit_code, tier, opened_at, closed_at, steps, paper_steps,
                          arrived_electronically, result""",
                (rs, i) -> segment(rs), at, result.name(), caseId).stream().findFirst();
    }

    Optional<CaseFile> find(UUID caseId) {
        List<CaseFile.Segment> segments = jdbc.query("""
                select segment_no, unit_code, tier, opened_at, closed_at, steps, paper_steps, arrived_electronically,
                       result from case_segment where case_id = ? order by segment_no""",
                (rs, i) -> segment(rs), caseId);
        return jdbc.query("select * from case_file where case_id = ?", (rs, i) -> new CaseFile(
                rs.getObject("case_id", UUID.class), rs.getString("code"), CaseKind.valueOf(rs.getString("kind")),
                rs.getString("procedure_code"), rs.getString("subject"),
                rs.getString("applicant_name") == null ? null
                        : new CaseFile.Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number")),
                rs.getString("channel"), rs.getString("receiving_unit"), Tier.valueOf(rs.getString("receiving_tier")),
                time(rs, "received_at"), rs.getObject("due_date", LocalDate.class),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("current_unit"), tier(rs, "current_tier"),
                rs.getString("outcome"), rs.getString("timeliness"), time(rs, "resolved_at"),
                rs.getInt("supplementation_count"), rs.getBoolean("apology_issued"), segments), caseId)
                .stream().findFirst();
    }

    private CaseFile.Segment segment(ResultSet rs) throws SQLException {
        return new CaseFile.Segment(rs.getInt("segment_no"), rs.getString("unit_code"),
                Tier.valueOf(rs.getString("tier")), time(rs, "opened_at"), time(rs, "closed_at"),
                rs.getInt("steps"), rs.getInt("paper_steps"), rs.getBoolean("arrived_electronically"),
                rs.getString("result"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static Tier tier(ResultSet rs, String column) throws SQLException {
        String t = rs.getString(column);
        return t == null ? null : Tier.valueOf(t);
    }
}
