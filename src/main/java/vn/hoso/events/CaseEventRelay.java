package vn.hoso.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Relays the outbox to Kafka in hososeq order per case. Each pass, in a database transaction of its own:
 * <ol>
 * <li>claims whole cases that have unsent events by locking their relay-position rows
 * {@code FOR UPDATE SKIP LOCKED} (so no two relays, on this node or another, ever send events of the same case at
 * the same time);</li>
 * <li>reads those cases' unsent events in seq order (a contiguous run after the case's last sent seq) with the record
 * values their appends wrote;</li>
 * <li>sends them with an idempotent producer ({@code acks=all}), key = caseId, and waits for the acknowledgements;</li>
 * <li>for each case, marks the acknowledged prefix as sent (deletes its outbox rows, advances the relay position)
 * and commits.</li>
 * </ol>
 * Two passes overlap: while the broker acknowledges one pass, the next one claims other cases, reads and sends; then
 * the first is marked and committed. A case is never in both (the second claims past the first one's cases, and
 * their rows are locked anyway), and a case's next pass starts only after the pass that held it committed.
 * A crash anywhere before a commit leaves that pass's rows unsent: they are sent again (same event ids) by a later
 * pass of any relay. A failed pass closes the producer and backs off.
 */
final class CaseEventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseEventRelay.class);

    /**
     * Claims the cases of the oldest outbox rows (past the cases of this relay's pass in flight: a hashed
     * {@code not in}), whole, skipping cases another relay holds. The array makes the
     * lookups index probes of the relay positions.
     */
    private static final String CLAIM = """
            select r.case_id, r.sent_seq
            from case_event_relay r
            where r.case_id = any(array(
                select o.case_id from case_event_outbox o
                where o.case_id not in (select unnest(?::varchar[])) order by o.created_at limit ?))
            for update of r skip locked""";

    /** The claimed cases' unsent events with the record values their appends wrote. */
    private static final String UNSENT = """
            select o.case_id, o.seq, o.record, o.created_at
            from case_event_outbox o
            where o.case_id = any(?)
            order by o.case_id, o.seq
            limit ?""";

    /** Events queued without a record value (a re-publish, or rows older than the column): built from the log. */
    private static final String FROM_LOG = "select " + CaseEventLog.EVENT_COLUMNS + ", e.recorded_at" + """
            \sfrom case_event e
            join unnest(?::varchar[], ?::bigint[]) as a(case_id, seq) on e.case_id = a.case_id and e.seq = a.seq""";

    private static final String MARK_OUTBOX = """
            delete from case_event_outbox o
            using unnest(?::varchar[], ?::bigint[]) as a(case_id, seq)
            where o.case_id = a.case_id and o.seq <= a.seq
            returning extract(epoch from clock_timestamp() - o.created_at)""";

    private static final String MARK_POSITION = """
            update case_event_relay r set sent_seq = a.seq, sent_at = clock_timestamp()
            from unnest(?::varchar[], ?::bigint[]) as a(case_id, seq)
            where r.case_id = a.case_id""";

    private record Claim(String caseId, long sentSeq) {
    }

    /** An outbox row: {@code value} is the record value (null until built from the log). */
    private record Unsent(String caseId, long seq, String value, long recordedAtMillis) {
    }

    private final String name;
    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producers;
    private final EventsProperties.Relay settings;
    private final RelaySignal signal;
    private final Counter relayedCounter;
    private final Counter failureCounter;
    private final Timer delay;
    private final Map<String, Timer> phases = new HashMap<>();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private Producer<String, String> producer;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    CaseEventRelay(String name, JdbcTemplate jdbc, Supplier<Producer<String, String>> producers, EventsProperties.Relay settings, RelaySignal signal,
                   MeterRegistry meters) {
        this.name = name;
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the relay needs a DataSource");
        this.producers = producers;
        this.settings = settings;
        this.signal = signal;
        this.relayedCounter = Counter.builder("hoso.events.relayed")
                .description("Case events acknowledged by Kafka and marked sent").tag("relay", name).register(meters);
        this.failureCounter = Counter.builder("hoso.events.relay.failures")
                .description("Relay passes that failed (broker unreachable, send timeout …)").tag("relay", name)
                .register(meters);
        this.delay = Timer.builder("hoso.events.relay.delay")
                .description("From append to acknowledgement by Kafka, per event").tag("relay", name)
                .publishPercentileHistogram().register(meters);
        for (String phase : List.of("claim", "read", "send", "acknowledge", "mark")) {
            phases.put(phase, Timer.builder("hoso.events.relay.phase")
                    .description("Time of one phase of the relay's passes (where a pass spends its time)")
                    .tag("relay", name).tag("phase", phase).register(meters));
        }
    }

    private long timed(String phase, long since) {
        long now = System.nanoTime();
        phases.get(phase).record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    /** Events this relay got acknowledged and marked sent. */
    long relayed() {
        return relayed.get();
    }

    /** Passes of this relay that failed. */
    long failures() {
        return failures.get();
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::loop, "hoso-event-relay-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("Event relay '{}' started (batch {}, poll {}, linger {}, send timeout {})", name,
                settings.batchSize(), settings.pollInterval(), settings.linger(), settings.sendTimeout());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        signal.signal();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(settings.sendTimeout().plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        log.info("Event relay '{}' stopped", name);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = settings.retryBackoff();
        long seen = signal.generation();
        InFlight inFlight = null;
        try {
            while (running) {
                InFlight next = null;
                Exception failure = null;
                try {
                    next = start(inFlight == null ? Set.of() : inFlight.cases());
                } catch (RuntimeException e) {
                    failure = e;
                }
                if (inFlight != null) {
                    Exception failed = finish(inFlight);
                    inFlight = null;
                    failure = failure != null ? failure : failed;
                }
                if (next != null && (failure != null || next.refused() != null)) {
                    Exception failed = finish(next); // what the broker acknowledged is marked; the rest is sent again
                    next = null;
                    failure = failure != null ? failure : failed;
                }
                if (!running) {
                    inFlight = next;
                    break;
                }
                if (failure != null) {
                    failures.incrementAndGet();
                    failureCounter.increment();
                    log.warn("Event relay '{}': pass failed, retrying in {}: {}", name, backoff, String.valueOf(failure));
                    closeProducer();
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                            ? settings.maxBackoff() : backoff.multipliedBy(2);
                    continue;
                }
                backoff = settings.retryBackoff();
                inFlight = next;
                if (inFlight == null) {
                    long before = seen;
                    seen = signal.awaitAfter(seen, settings.pollInterval());
                    if (seen != before && !settings.linger().isZero()
                            && stopping.await(settings.linger().toNanos(), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (inFlight != null) {
                finish(inFlight);
            }
            closeProducer();
        }
    }

    // ---------------------------------------------------------------------------------------------- one pass

    /**
     * A pass whose records are sent: it holds its cases (locked in its open transaction on {@code con}) until
     * {@link #finish} has waited for the acknowledgements, marked them and committed. {@code refused}: the producer
     * refused a send, and the records after it were not sent.
     */
    private record InFlight(Connection con, List<Unsent> toSend, List<Future<RecordMetadata>> futures,
                            Exception refused, Set<String> cases) {
    }

    /**
     * Claims cases other than {@code busy}, reads their unsent events and sends them without waiting for the broker;
     * null when there was nothing to send (the transaction has then ended).
     */
    private InFlight start(Set<String> busy) {
        Connection con = null;
        try {
            con = dataSource.getConnection();
            con.setAutoCommit(false);
            int batch = settings.batchSize();
            long t = System.nanoTime();
            List<Claim> claims = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(CLAIM)) {
                ps.setArray(1, con.createArrayOf("varchar", busy.toArray()));
                ps.setInt(2, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new Claim(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            t = timed("claim", t);
            if (claims.isEmpty()) {
                return null;
            }
            List<Unsent> unsent = new ArrayList<>();
            try (PreparedStatement ps = CaseEventLog.withArray(con, UNSENT,
                    claims.stream().map(Claim::caseId).toList())) {
                ps.setInt(2, batch * 4);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unsent.add(new Unsent(rs.getString(1), rs.getLong(2), rs.getString(3),
                                rs.getTimestamp(4).getTime()));
                    }
                }
            }
            unsent = withValues(con, unsent);
            timed("read", t);
            List<Unsent> toSend = contiguous(claims, unsent);
            if (toSend.isEmpty()) {
                return null;
            }
            InFlight pass = send(con, toSend);
            con = null; // the pass owns it now
            return pass;
        } catch (SQLException e) {
            throw new IllegalStateException("relay pass: " + e.getMessage(), e);
        } finally {
            if (con != null) {
                end(con, true);
            }
        }
    }

    /** The events to send: per claimed case, the unbroken run after its last sent seq. */
    private List<Unsent> contiguous(List<Claim> claims, List<Unsent> unsent) {
        Map<String, Long> next = new HashMap<>();
        claims.forEach(c -> next.put(c.caseId(), c.sentSeq() + 1));
        List<Unsent> toSend = new ArrayList<>(unsent.size());
        for (Unsent e : unsent) {
            Long expected = next.get(e.caseId());
            if (expected == null) {
                continue;
            }
            if (e.value() == null) {
                log.error("Event relay '{}': case {} has unsent event {} that the log does not hold; its events are"
                        + " held back", name, e.caseId(), e.seq());
                next.remove(e.caseId());
            } else if (e.seq() == expected) {
                toSend.add(e);
                next.put(e.caseId(), expected + 1);
            } else {
                log.error("Event relay '{}': case {} has unsent event {} but not {}; its events are held back",
                        name, e.caseId(), e.seq(), expected);
                next.remove(e.caseId());
            }
        }
        return toSend;
    }

    private InFlight send(Connection con, List<Unsent> toSend) {
        long t = System.nanoTime();
        Producer<String, String> p = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(toSend.size());
        Exception refused = null;
        Set<String> cases = new HashSet<>();
        for (Unsent e : toSend) {
            cases.add(e.caseId());
            ProducerRecord<String, String> record = new ProducerRecord<>(EventTopics.CASE_EVENTS, null, e.caseId(),
                    e.value());
            record.headers().add("content-type", RecordedEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventTopics.RECORDED_AT_HEADER,
                    Long.toString(e.recordedAtMillis()).getBytes(StandardCharsets.UTF_8));
            try {
                Future<RecordMetadata> future = p.send(record);
                futures.add(future);
                if (future.isDone() && failed(future)) {
                    // e.g. no metadata within max.block.ms: the broker is away, do not block on every send
                    refused = new IllegalStateException("the producer failed a send at once");
                    break;
                }
            } catch (RuntimeException sendRefused) {
                refused = sendRefused;
                break;
            }
        }
        timed("send", t);
        return new InFlight(con, toSend, futures, refused, cases);
    }

    /**
     * Waits for the pass's acknowledgements, marks the acknowledged prefix of each case and commits (or rolls back:
     * the pass's rows are then sent again); gives the connection back in any case. Returns why the pass failed, or
     * null.
     */
    private Exception finish(InFlight pass) {
        long t = System.nanoTime();
        List<Unsent> toSend = pass.toSend();
        List<Future<RecordMetadata>> futures = pass.futures();
        Exception failure = null;
        long deadline = System.nanoTime() + settings.sendTimeout().plusSeconds(5).toNanos();
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        Map<String, Boolean> broken = new HashMap<>();
        int acks = 0;
        for (int i = 0; i < toSend.size(); i++) {
            Unsent e = toSend.get(i);
            if (i >= futures.size()) {
                broken.put(e.caseId(), true);
                continue;
            }
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!broken.containsKey(e.caseId())) {
                    acknowledged.put(e.caseId(), e.seq());
                    acks++;
                }
            } catch (ExecutionException | TimeoutException notAcknowledged) {
                broken.put(e.caseId(), true);
                if (failure == null) {
                    failure = notAcknowledged instanceof ExecutionException ee && ee.getCause() instanceof Exception c
                            ? c : notAcknowledged;
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                broken.put(e.caseId(), true);
                failure = interrupted;
            }
        }
        if (failure == null && pass.refused() != null) {
            failure = pass.refused();
        }
        t = timed("acknowledge", t);
        boolean committed = false;
        try {
            if (!acknowledged.isEmpty()) {
                mark(pass.con(), acknowledged);
            }
            pass.con().commit();
            committed = true;
        } catch (SQLException e) {
            failure = failure != null ? failure : e;
        } finally {
            end(pass.con(), !committed);
        }
        if (committed) {
            relayed.addAndGet(acks);
            relayedCounter.increment(acks);
        }
        timed("mark", t);
        return failure;
    }

    /** Gives the pass's connection back, after a rollback when asked. */
    private static void end(Connection con, boolean rollback) {
        try (con) {
            if (rollback) {
                con.rollback();
            }
            con.setAutoCommit(true);
        } catch (SQLException e) {
            log.debug("Event relay: ending a pass's transaction failed", e);
        }
    }

    private static boolean failed(Future<?> future) {
        try {
            future.get(0, TimeUnit.NANOSECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        }
    }

    private void mark(Connection con, Map<String, Long> acknowledged) throws SQLException {
        String[] cases = acknowledged.keySet().toArray(String[]::new);
        Long[] seqs = acknowledged.values().toArray(Long[]::new);
        try (PreparedStatement ps = twoArrays(con, MARK_OUTBOX, cases, seqs); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                delay.record(Duration.ofNanos((long) (rs.getDouble(1) * 1e9)));
            }
        }
        try (PreparedStatement ps = twoArrays(con, MARK_POSITION, cases, seqs)) {
            ps.executeUpdate();
        }
    }

    /** The rows with their record values, those without one built from the log (same order). */
    private static List<Unsent> withValues(Connection con, List<Unsent> rows) throws SQLException {
        List<Unsent> missing = rows.stream().filter(u -> u.value() == null).toList();
        if (missing.isEmpty()) {
            return rows;
        }
        String[] cases = missing.stream().map(Unsent::caseId).toArray(String[]::new);
        Long[] seqs = missing.stream().map(Unsent::seq).toArray(Long[]::new);
        Map<String, Unsent> built = new HashMap<>();
        try (PreparedStatement ps = twoArrays(con, FROM_LOG, cases, seqs); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredEvent e = CaseEventLog.storedEvent(rs, 0);
                built.put(e.caseId() + "/" + e.seq(), new Unsent(e.caseId(), e.seq(), e.cloudEventJson(),
                        rs.getTimestamp("recorded_at").getTime()));
            }
        }
        List<Unsent> complete = new ArrayList<>(rows.size());
        for (Unsent u : rows) {
            complete.add(u.value() != null ? u : built.getOrDefault(u.caseId() + "/" + u.seq(), u));
        }
        return complete;
    }

    private static PreparedStatement twoArrays(Connection con, String sql, String[] cases, Long[] seqs)
            throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        ps.setArray(1, con.createArrayOf("varchar", cases));
        ps.setArray(2, con.createArrayOf("int8", seqs));
        return ps;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                log.debug("Event relay '{}': closing the producer failed", name, e);
            }
        }
    }
}
