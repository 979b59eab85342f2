package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends cases' events to Kafka again, from the event log in PostgreSQL: the disaster procedure for a broker that lost
 * its log (docs/operations.md). The cases' events go back into the outbox and their relay positions back to the start,
 * so the ordinary relay sends them again, in hososeq order per case, with the same ids and bytes; consumers take
 * them as duplicates of what they already applied (rollup and notifications keep the ids they applied). Nothing in
 * the log changes.
 */
@Component
class EventRepublisher {

    private static final Logger log = LoggerFactory.getLogger(EventRepublisher.class);

    /** Most cases one command re-publishes (an operator repeats it for the next range). */
    static final int MAX_CASES = 100_000;

    record Outcome(int cases, long events) {
    }

    private final JdbcTemplate jdbc;
    private final RelaySignal signal;
    private final TransactionTemplate tx;

    EventRepublisher(JdbcTemplate jdbc, RelaySignal signal, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.signal = signal;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The cases whose first event's business time is in [from, to), oldest first, at most {@link #MAX_CASES} + 1. */
    List<String> casesFirstRecordedIn(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.queryForList("""
                select case_id from case_event_stream where first_time >= ? and first_time < ?
                order by first_time, case_id limit ?""", String.class, from, to, MAX_CASES + 1);
    }

    /** Known cases among the given ids. */
    List<String> known(List<String> caseIds) {
        return jdbc.query(con -> CaseEventLog.withArray(con,
                "select case_id from case_event_stream where case_id = any(?) order by case_id", caseIds),
                (rs, i) -> rs.getString(1));
    }

    /** Puts the cases' events back into the outbox in one transaction, then wakes the relay. */
    Outcome republish(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return new Outcome(0, 0);
        }
        long events = tx.execute(status -> enqueue(caseIds));
        log.info("Re-publishing {} events of {} cases (requested by an administrator)", events, caseIds.size());
        signal.signal();
        return new Outcome(caseIds.size(), events);
    }

    private long enqueue(List<String> caseIds) {
        // waits for a relay pass that holds any of these cases, and keeps the next ones off them until the commit
        jdbc.query(con -> CaseEventLog.withArray(con,
                "select case_id from case_event_relay where case_id = any(?) order by case_id for update", caseIds),
                rs -> { });
        jdbc.update(con -> CaseEventLog.withArray(con,
                "update case_event_relay set sent_seq = 0 where case_id = any(?)", caseIds));
        return jdbc.update(con -> CaseEventLog.withArray(con, """
                insert into case_event_outbox (case_id, seq)
                select case_id, seq from case_event where case_id = any(?) order by case_id, seq
                on conflict do nothing""", caseIds));
    }
}
