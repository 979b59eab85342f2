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

    /**
     * The states read in the current transaction, until this store writes anything: an engine step asks for its
     * case's state from several listeners and expressions (issue 16's profile: about seven identical locked reads a
     * step), and the row stays locked by the first read until the transaction ends.
     */
    private Map<UUID, State> statesOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<UUID, State> states = (Map<UUID, State>) TransactionSynchronizationManager.getResource(this);
        if (states == null) {
            Map<UUID, State> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseStore.this);
                }
            });
            states = fresh;
        }
        return states;
    }

    /** Every write of this store goes through here: it forgets the states read in this transaction. */
    @SuppressWarnings("unchecked")
    private int write(String sql, Object... args) {
        Map<UUID, State> states = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Map<UUID, State>) TransactionSynchronizationManager.getResource(this) : null;
        if (states != null) {
            states.clear();
        }
        return jdbc.update(sql, args);
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
        write("""
                insert into case_file (case_id, code, kind, procedure_code, subject, applicant_name,
                    applicant_id_number, channel, receiving_unit, receiving_tier, received_at, due_date, route,
                    status, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId, code, kind.name(), procedureCode, subject, applicantName, applicantIdNumber, channel.name(),
                receivingUnit, receivingTier.name(), receivedAt, dueDate, route, CaseStatus.RECEIVED.name(),
                createdBy);
    }

    State state(UUID caseId) {
        Map<UUID, State> states = statesOfThisTransaction();
        State known = states == null ? null : states.get(caseId);
        if (known != null) {
            return known;
        }
        State state = lockedState(caseId);
        if (states != null) {
            states.put(caseId, state);
        }
        return state;
    }

    private State lockedState(UUID caseId) {
        return jdbc.queryForObject("""
                select case_id, code, kind, procedure_code, channel, receiving_unit, receiving_tier, received_at,
                       due_date, route, segment_index, status, current_unit, current_tier, outcome, supplementation_count,
                       supplementation_since, apology_issued, next_arrival_electronic, process_instance_id,
                       on_return_leg, payment_since
                  from case_file where case_id = ? for update""",
                (rs, i) -> new State(rs.getObject("case_id", UUID.class), rs.getString("code"),
                        CaseKind.valueOf(rs.getString("kind")), rs.getString("procedure_code"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("receiving_unit"),
                        Tier.valueOf(rs.getString("receiving_tier")), time(rs, "received_at"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getString("route"), rs.getInt("segment_index"),
                        CaseStatus.valueOf(rs.getString("status")), rs.getString("current_unit"),
                        tier(rs, "current_tier"), rs.getString("outcome"), rs.getInt("supplementation_count"),
                        time(rs, "supplementation_since"), rs.getBoolean("apology_issued"),
                        rs.getBoolean("next_arrival_electronic"), rs.getString("process_instance_id"),
                        rs.getBoolean("on_return_leg"), time(rs, "payment_since")),
                caseId);
    }

    /** Binds the case to the process instance it runs in; false when it is already bound to another one. */
    boolean bindProcessInstance(UUID caseId, String processInstanceId) {
        return write("""
                update case_file set process_instance_id = ?
                 where case_id = ? and (process_instance_id is null or process_instance_id = ?)""",
                processInstanceId, caseId, processInstanceId) == 1;
    }

    void setReturning(UUID caseId, boolean returning) {
        write("update case_file set on_return_leg = ? where case_id = ?", returning, caseId);
    }

    Optional<OpenSegment> openSegment(UUID caseId) {
        return jdbc.query("""
                select segment_no, unit_code, tier, last_outcome, last_mode from case_segment
                 where case_id = ? and closed_at is null""",
                (rs, i) -> new OpenSegment(rs.getInt("segment_no"), rs.getString("unit_code"),
                        Tier.valueOf(rs.getString("tier")), rs.getString("last_outcome"),
                        rs.getString("last_mode") == null ? null : StepMode.valueOf(rs.getString("last_mode"))),
                caseId).stream().findFirst();
    }

    /** How the case's most recent segment ended (null while none has ended). */
    SegmentResult lastSegmentResult(UUID caseId) {
        return jdbc.query("""
                select result from case_segment where case_id = ? and closed_at is not null
                 order by segment_no desc limit 1""", (rs, i) -> SegmentResult.valueOf(rs.getString(1)), caseId)
                .stream().findFirst().orElse(null);
    }

    Display display(UUID caseId) {
        return jdbc.queryForObject("""
                select code, procedure_code, subject, applicant_name, due_date, overdue_warned
                  from case_file where case_id = ?""",
                (rs, i) -> new Display(rs.getString("code"), rs.getString("procedure_code"), rs.getString("subject"),
                        rs.getString("applicant_name"), rs.getObject("due_date", LocalDate.class),
                        rs.getBoolean("overdue_warned")), caseId);
    }

    void moveTo(UUID caseId, int segmentIndex, String unitCode, Tier tier, CaseStatus status) {
        write("update case_file set segment_index = ?, current_unit = ?, current_tier = ?, status = ? "
                + "where case_id = ?", segmentIndex, unitCode, tier.name(), status.name(), caseId);
    }

    /** The route from the current stop on, resolved to today's units (the 2025-07-01 reform, {@link CaseFlow}). */
    void setRoute(UUID caseId, String route) {
        write("update case_file set route = ? where case_id = ?", route, caseId);
    }

    void setStatus(UUID caseId, CaseStatus status) {
        write("update case_file set status = ? where case_id = ?", status.name(), caseId);
    }

    void setNextArrivalElectronic(UUID caseId, boolean electronic) {
        write("update case_file set next_arrival_electronic = ? where case_id = ?", electronic, caseId);
    }

    void supplementationRequested(UUID caseId, OffsetDateTime at) {
        write("""
                update case_file set supplementation_count = supplementation_count + 1,
                       supplementation_since = ?, status = ? where case_id = ?""",
                at, CaseStatus.SUPPLEMENTATION_REQUESTED.name(), caseId);
    }

    void supplementationReceived(UUID caseId, LocalDate newDueDate) {
        write("""
                update case_file set supplementation_since = null, due_date = ?, status = ? where case_id = ?""",
                newDueDate, CaseStatus.PROCESSING.name(), caseId);
    }

    /** Mẫu 02 at reception: returned incomplete, never received; no outcome, no timeliness. */
    void notReceived(UUID caseId, OffsetDateTime at) {
        write("update case_file set resolved_at = ?, status = ? where case_id = ?", at,
                CaseStatus.NOT_RECEIVED.name(), caseId);
    }

    void paymentRequested(UUID caseId, OffsetDateTime at) {
        write("update case_file set payment_since = ?, status = ? where case_id = ?", at,
                CaseStatus.AWAITING_PAYMENT.name(), caseId);
    }

    void paymentMet(UUID caseId, LocalDate newDueDate) {
        write("update case_file set payment_since = null, due_date = ?, status = ? where case_id = ?",
                newDueDate, CaseStatus.PROCESSING.name(), caseId);
    }

    void overdueWarned(UUID caseId) {
        write("update case_file set overdue_warned = true where case_id = ?", caseId);
    }

    void apologyIssued(UUID caseId, LocalDate newDueDate) {
        write("update case_file set apology_issued = true, due_date = ? where case_id = ?", newDueDate, caseId);
    }

    void resolve(UUID caseId, Resolution outcome, Timeliness timeliness, OffsetDateTime at, CaseStatus status) {
        write("update case_file set outcome = ?, timeliness = ?, resolved_at = ?, status = ? where case_id = ?",
                outcome.name(), timeliness.name(), at, status.name(), caseId);
    }

    /** Refused at reception (Mẫu 03): outcome REJECTED, never judged for timeliness. */
    void refuse(UUID caseId, OffsetDateTime at) {
        write("update case_file set outcome = ?, timeliness = null, resolved_at = ?, status = ? where case_id = ?",
                Resolution.REJECTED.name(), at, CaseStatus.REJECTED.name(), caseId);
    }

    void openSegment(UUID caseId, int segmentNo, String unitCode, Tier tier, OffsetDateTime at,
                     boolean arrivedElectronically) {
        openSegment(caseId, segmentNo, unitCode, tier, at, arrivedElectronically, null);
    }

    /** @param dueDate the unit's share of the statutory time ends on this day (Mẫu 05); null: none (return leg) */
    void openSegment(UUID caseId, int segmentNo, String unitCode, Tier tier, OffsetDateTime at,
                     boolean arrivedElectronically, LocalDate dueDate) {
        write("""
                insert into case_segment (case_id, segment_no, unit_code, tier, opened_at, arrived_electronically,
                                          due_date)
                values (?, ?, ?, ?, ?, ?, ?)""", caseId, segmentNo, unitCode, tier.name(), at, arrivedElectronically,
                dueDate);
    }

    /** The open segment's own due date (Mẫu 05), if it has one. */
    Optional<LocalDate> openSegmentDue(UUID caseId) {
        return jdbc.query("select due_date from case_segment where case_id = ? and closed_at is null",
                (rs, i) -> rs.getObject(1, LocalDate.class), caseId).stream().filter(d -> d != null).findFirst();
    }

    void setOpenSegmentDue(UUID caseId, LocalDate dueDate) {
        write("update case_segment set due_date = ? where case_id = ? and closed_at is null", dueDate, caseId);
    }

    /**
     * Counts a completed step in the case's open segment and, for a step of the segment itself (not the Mẫu 04
     * apology, which runs beside it), records its decision and mode for the gateways and the hand-off; false when
     * no segment is open.
     */
    boolean recordStep(UUID caseId, StepMode mode, boolean segmentStep, String outcome) {
        boolean paper = mode == StepMode.PAPER;
        return write("""
                update case_segment set steps = steps + 1, paper_steps = paper_steps + ?,
                       last_outcome = case when ? then ? else last_outcome end,
                       last_mode = case when ? then ? else last_mode end
                 where case_id = ? and closed_at is null""",
                paper ? 1 : 0, segmentStep, outcome, segmentStep, mode.name(), caseId) > 0;
    }

    /** A segment that arrived on paper can still be digitized at reception (an electronic receive step). */
    void markArrivedElectronically(UUID caseId) {
        write("update case_segment set arrived_electronically = true where case_id = ? and closed_at is null",
                caseId);
    }

    Optional<CaseFile.Segment> closeSegment(UUID caseId, OffsetDateTime at, SegmentResult result) {
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
