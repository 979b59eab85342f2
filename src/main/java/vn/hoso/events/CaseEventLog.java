package vn.hoso.events;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case event log: an append-only, hash-chained log per case in PostgreSQL, written in the caller's transaction
 * (transactional outbox) and relayed to Kafka after commit in hososeq order per case. See docs/events.md.
 */
@Service
public class CaseEventLog {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** An official unit code (General Statistics Office): digits. */
    static final Pattern UNIT_CODE = Pattern.compile("\\d{1,10}");
    static final int MAX_CASE_ID = 100;

    static final String EVENT_COLUMNS =
            "e.case_id, e.seq, e.id, e.type, e.source, e.time, e.event_time, e.data::text as data, e.prev_hash, e.hash";

    /** Locks the case's chain head (creating it with the first event) and hands out the next seq. */
    private static final String ADVANCE_HEAD = """
            insert into case_event_stream as s (case_id, last_seq, last_hash, first_time)
            values (?, 1, ?, ?)
            on conflict (case_id) do update set last_seq = s.last_seq + 1, updated_at = clock_timestamp()
            returning s.last_seq, s.last_hash""";

    private static final String INSERT_EVENT = """
            with event as (
                insert into case_event (case_id, seq, id, type, source, time, event_time, data, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                returning recorded_at
            ), outbox as (
                insert into case_event_outbox (case_id, seq, created_at, record) select ?, ?, recorded_at, ? from event
            )
            update case_event_stream set last_hash = ? where case_id = ?""";

    private static final String INSERT_FIRST_EVENT = """
            with event as (
                insert into case_event (case_id, seq, id, type, source, time, event_time, data, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                returning recorded_at
            ), outbox as (
                insert into case_event_outbox (case_id, seq, created_at, record) select ?, ?, recorded_at, ? from event
            ), relay as (
                insert into case_event_relay (case_id, sent_seq) values (?, 0) on conflict (case_id) do nothing
            )
            update case_event_stream set last_hash = ? where case_id = ?""";

    static final ObjectMapper DATA_READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final EventData eventData;
    private final RelaySignal relaySignal;
    private final MeterRegistry meters;
    private final org.springframework.beans.factory.ObjectProvider<StoredContent> storedContent;

    CaseEventLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, ZoneId businessZone,
                 RelaySignal relaySignal, MeterRegistry meters,
                 org.springframework.beans.factory.ObjectProvider<StoredContent> storedContent) {
        this.storedContent = storedContent;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.eventData = new EventData(businessZone);
        this.relaySignal = relaySignal;
        this.meters = meters;
    }

    /**
     * Appends in the CURRENT transaction (the caller's, e.g. the Camunda engine's Spring-managed transaction);
     * assigns id, the next hososeq of the case and the hash chain. The event reaches Kafka after that transaction
     * committed; if it rolls back, the event never existed. Appends of one case are serialised by a row lock held
     * until the transaction ends, so keep transactions that append short, and append to several cases in a fixed
     * order (e.g. by caseId) if one transaction must touch several.
     *
     * @throws IllegalStateException         outside a transaction
     * @throws PersonalDataRejectedException when {@code data} holds a key of personal data (applicant, name,
     *                                       idNumber …)
     * @throws IllegalArgumentException      for a blank caseId, type or unit code, a missing time, a {@code data.caseId}
     *                                       other than the case, or data without a canonical JSON form
     */
    public RecordedEvent append(NewCaseEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CaseEventLog.append must run inside a transaction "
                    + "(the engine's, or a TransactionTemplate): its event is written with the step that causes it");
        }
        Objects.requireNonNull(event, "event");
        String caseId = event.caseId();
        if (caseId == null || caseId.isBlank() || caseId.length() > MAX_CASE_ID || !caseId.strip().equals(caseId)
                || caseId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("caseId must be 1.." + MAX_CASE_ID
                    + " characters without surrounding blanks or control characters: '" + caseId + "'");
        }
        if (event.type() == null || !TYPE.matcher(event.type()).matches()) {
            throw new IllegalArgumentException("type must be a CloudEvents type like vn.hoso.case.received: '"
                    + event.type() + "'");
        }
        if (event.unitCode() == null || !UNIT_CODE.matcher(event.unitCode()).matches()) {
            throw new IllegalArgumentException("unitCode must be an official unit code like 10507: '"
                    + event.unitCode() + "'");
        }
        if (event.time() == null) {
            throw new IllegalArgumentException("time (the business time of the event) is required");
        }
        ObjectNode data = eventData.tree(event.data());
        JsonNode dataCaseId = data.get("caseId");
        if (dataCaseId == null) {
            data.put("caseId", caseId);
        } else if (!caseId.equals(dataCaseId.asText(null))) {
            throw new IllegalArgumentException("data.caseId '" + dataCaseId + "' is not the event's caseId '" + caseId + "'");
        }
        String dataJson = CanonicalJson.write(data);
        if (dataJson.length() > EventData.MAX_DATA_CHARS) {
            throw new IllegalArgumentException("data is too large (" + dataJson.length() + " characters, at most "
                    + EventData.MAX_DATA_CHARS + ")");
        }
        String timeText = eventData.time(event.time());
        OffsetDateTime time = OffsetDateTime.parse(timeText);
        OffsetDateTime eventTime = time.withOffsetSameInstant(java.time.ZoneOffset.UTC);

        Head head = jdbc.queryForObject(ADVANCE_HEAD,
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), caseId, CanonicalJson.ZERO_HASH, eventTime);
        long seq = head.lastSeq();
        String prevHash = head.lastHash();
        UUID id = UUID.randomUUID();
        String source = "/units/" + event.unitCode();
        RecordedEvent recorded = new RecordedEvent(id, caseId, seq, event.type(), source, time, prevHash, null, data);
        String hash = CanonicalJson.chainHash(prevHash, recorded.hashedJson());
        // the record value the relay sends, written once here (the relay neither reads the event back nor re-writes it)
        String recordValue = new StoredEvent(caseId, seq, id, event.type(), source, timeText, null, data.deepCopy(),
                prevHash, hash).cloudEventJson();

        List<Object> args = new ArrayList<>(List.of(caseId, seq, id, event.type(), source, timeText, eventTime,
                dataJson, prevHash, hash, caseId, seq, recordValue));
        if (seq == 1) {
            args.add(caseId);
        }
        args.add(hash);
        args.add(caseId);
        jdbc.update(seq == 1 ? INSERT_FIRST_EVENT : INSERT_EVENT, args.toArray());

        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit().add(event.type()); // otherwise the relay finds the event by polling
        }
        return new RecordedEvent(id, caseId, seq, event.type(), source, time, prevHash, hash, data);
    }

    /**
     * Appends a typed event of the case at business time {@code time} (see {@link #append(NewCaseEvent)}); its
     * {@code source} is the unit of the payload.
     */
    public RecordedEvent append(OffsetDateTime time, CaseEventData event) {
        return append(new NewCaseEvent(event.caseId(), event.type(), event.unitCode(), time, event.toData()));
    }

    /** The case's events in hososeq order (empty for an unknown case). */
    public List<RecordedEvent> eventsOf(String caseId) {
        return stored(caseId).stream().map(StoredEvent::toRecorded).toList();
    }

    /** Recomputes the case's chain from the database (see {@link ChainVerification}). */
    public ChainVerification verify(String caseId) {
        List<StoredEvent> events = new ArrayList<>();
        ChainVerification chain = inSnapshot(() -> {
            events.addAll(stored(caseId));
            return ChainVerifier.verify(caseId, events, heads(List.of(caseId)).get(caseId));
        });
        return withDocuments(chain, events);
    }

    /** The chain's verification with the documents its events name re-hashed ({@link StoredContent}). */
    ChainVerification withDocuments(ChainVerification chain, List<StoredEvent> events) {
        return ChainVerifier.withDocuments(chain, events, storedContent.getIfAvailable());
    }

    /** Runs reads in one read-only REPEATABLE READ transaction of its own: the events and the chain heads they are
     * checked against are seen as of one instant, whatever commits meanwhile. */
    <T> T inSnapshot(java.util.function.Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }

    List<StoredEvent> stored(String caseId) {
        return jdbc.query("select " + EVENT_COLUMNS + " from case_event e where e.case_id = ? order by e.seq",
                STORED, caseId);
    }

    /** Stored events of several cases, by case in seq order. */
    Map<String, List<StoredEvent>> stored(Collection<String> caseIds) {
        Map<String, List<StoredEvent>> byCase = new LinkedHashMap<>();
        caseIds.forEach(id -> byCase.put(id, new ArrayList<>()));
        jdbc.query(con -> withArray(con, "select " + EVENT_COLUMNS
                        + " from case_event e where e.case_id = any(?) order by e.case_id, e.seq", caseIds),
                rs -> {
                    StoredEvent e = STORED.mapRow(rs, 0);
                    byCase.get(e.caseId()).add(e);
                });
        return byCase;
    }

    Map<String, ChainVerifier.Head> heads(Collection<String> caseIds) {
        Map<String, ChainVerifier.Head> heads = new LinkedHashMap<>();
        jdbc.query(con -> withArray(con,
                        "select case_id, last_seq, last_hash from case_event_stream where case_id = any(?)", caseIds),
                rs -> {
                    heads.put(rs.getString(1), new ChainVerifier.Head(rs.getLong(2), rs.getString(3)));
                });
        return heads;
    }

    /** Cases whose first event's business time is in [from, to). */
    List<String> casesStartedBetween(Instant from, Instant to) {
        return jdbc.queryForList("select case_id from case_event_stream where first_time >= ? and first_time < ? "
                + "order by case_id", String.class, utc(from), utc(to));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static PreparedStatement withArray(Connection con, String sql, Collection<String> values) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        Array array = con.createArrayOf("varchar", values.toArray());
        ps.setArray(1, array);
        return ps;
    }

    static final RowMapper<StoredEvent> STORED = CaseEventLog::storedEvent;

    static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        JsonNode data;
        try {
            data = DATA_READER.readTree(rs.getString("data"));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable data of event " + rs.getString("case_id") + "/" + rs.getLong("seq"), e);
        }
        return new StoredEvent(rs.getString("case_id"), rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getString("type"), rs.getString("source"), rs.getString("time"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(), data, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long lastSeq, String lastHash) {
    }

    /** One per transaction that appends: counts its events and wakes the relay after commit. */
    private AppendedInTransaction afterCommit() {
        AppendedInTransaction appended = (AppendedInTransaction) TransactionSynchronizationManager.getResource(this);
        if (appended == null) {
            appended = new AppendedInTransaction(this);
            TransactionSynchronizationManager.bindResource(this, appended);
            TransactionSynchronizationManager.registerSynchronization(appended);
        }
        return appended;
    }

    private final class AppendedInTransaction implements TransactionSynchronization {
        private final Object key;
        private final Map<String, Integer> byType = new LinkedHashMap<>();

        AppendedInTransaction(Object key) {
            this.key = key;
        }

        void add(String type) {
            byType.merge(type, 1, Integer::sum);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, this);
        }

        @Override
        public void afterCommit() {
            byType.forEach((type, n) -> Counter.builder("hoso.events.written")
                    .description("Case events committed to the log").tag("type", type).register(meters).increment(n));
            relaySignal.signal();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
