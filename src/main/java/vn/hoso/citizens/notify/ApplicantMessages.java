package vn.hoso.citizens.notify;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.citizens.internal.ApplicantContacts;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * The applicant's messages: queued per case event and channel (table {@code citizen_message}, unique by event id and
 * channel, so that an event read twice queues nothing twice), then sent by {@link #sendDue()} every
 * {@code hoso.citizens.messages.poll-interval}, one row at a time under {@code FOR UPDATE SKIP LOCKED} (several nodes
 * share the queue). A failed attempt is tried again after a back-off that doubles; after the last attempt the row is
 * dead-lettered ({@code DEAD}): logged, counted in the gauge {@code hoso.citizens.messages{status="DEAD"}}, listed at
 * {@code GET /api/citizens/messages?status=DEAD} for administrators, who may queue it again. None of it is in the
 * case's transaction: a message that cannot be sent never holds a case back.
 */
@Service
public class ApplicantMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicantMessages.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicantContacts contacts;
    private final CaseFiles cases;
    private final ProcedureCatalogue catalogue;
    private final UnitRegistry units;
    private final CitizensProperties properties;
    private final List<ApplicantChannel> channels;

    ApplicantMessages(JdbcTemplate jdbc, TransactionTemplate tx, ApplicantContacts contacts, CaseFiles cases,
                      ProcedureCatalogue catalogue, UnitRegistry units, CitizensProperties properties,
                      List<ApplicantChannel> channels, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.contacts = contacts;
        this.cases = cases;
        this.catalogue = catalogue;
        this.units = units;
        this.properties = properties;
        this.channels = List.copyOf(channels);
        meters.ifAvailable(registry -> {
            for (String status : List.of("PENDING", "DEAD")) {
                Gauge.builder("hoso.citizens.messages", () -> jdbc.queryForObject(
                                "select count(*) from citizen_message where status = ?", Long.class, status))
                        .tag("status", status)
                        .description("Messages to applicants waiting to be sent (PENDING) or given up (DEAD)")
                        .register(registry);
            }
        });
    }

    /** Queues the message this event sends the applicant (if any, and if the applicant gave a contact); how many. */
    public int enqueue(PublishedCaseEvent event) {
        Optional<ApplicantMessage> message = ApplicantMessage.of(event.data());
        if (message.isEmpty()) {
            return 0;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(event.caseId());
        } catch (IllegalArgumentException e) {
            return 0;
        }
        Optional<ApplicantContacts.Contact> contact = contacts.of(caseId);
        Optional<CaseFile> file = contact.isEmpty() ? Optional.empty() : cases.find(caseId);
        if (file.isEmpty()) {
            return 0;
        }
        CaseFile f = file.get();
        LocalDate date = Optional.ofNullable(message.get().dateOf(event.data())).orElse(f.dueDate());
        var facts = new ApplicantMessage.Facts(f.code(),
                catalogue.find(f.procedureCode()).map(Procedure::name).orElse(f.procedureCode()),
                units.unitOn(f.receivingUnit(), f.receivedAt().toLocalDate()).map(Unit::name)
                        .orElse(f.receivingUnit()),
                date == null ? "" : DATE.format(date), properties.lookupPage() + "?code=" + f.code());
        int queued = 0;
        for (ApplicantChannel channel : channels) {
            if (channel.enabled() && channel.address(contact.get()) != null) {
                queued += jdbc.update("""
                        insert into citizen_message (event_id, channel, case_id, case_code, kind, subject, body)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id, channel) do nothing""",
                        event.id(), channel.name(), caseId, f.code(), message.get().name(), message.get().subject(facts),
                        message.get().body(facts));
            }
        }
        return queued;
    }

    /** Sends what is due, one message per transaction, until nothing is due (at most 200 per run). */
    @Scheduled(fixedDelayString = "${hoso.citizens.messages.poll-interval:5s}")
    public void sendDue() {
        if (!properties.messages().enabled()) {
            return;
        }
        Map<String, ApplicantChannel> enabled = channels.stream().filter(ApplicantChannel::enabled)
                .collect(Collectors.toMap(ApplicantChannel::name, Function.identity()));
        if (enabled.isEmpty()) {
            return;
        }
        for (int i = 0; i < 200; i++) {
            if (!Boolean.TRUE.equals(tx.execute(status -> sendOne(enabled)))) {
                return;
            }
        }
    }

    private boolean sendOne(Map<String, ApplicantChannel> enabled) {
        String in = enabled.keySet().stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
        List<Row> due = jdbc.query("""
                select m.id, m.event_id, m.channel, m.case_id, m.kind, m.subject, m.body, m.attempts, m.case_code
                from citizen_message m
                where m.status = 'PENDING' and m.next_attempt_at <= now() and m.channel in (%s)
                order by m.next_attempt_at, m.id limit 1 for update of m skip locked""".formatted(in),
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), UUID.fromString(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)));
        if (due.isEmpty()) {
            return false;
        }
        Row row = due.get(0);
        ApplicantChannel channel = enabled.get(row.channel());
        String address = contacts.of(row.caseId()).map(channel::address).orElse(null);
        int attempt = row.attempts() + 1;
        try {
            if (address == null) {
                throw new IllegalStateException("the applicant's contact has no address for " + row.channel());
            }
            channel.send(address, new ApplicantChannel.QueuedMessage(row.id(), row.eventId() + "/" + row.channel(),
                    row.code(), row.kind(), row.subject(), row.body()));
            jdbc.update("update citizen_message set status = 'SENT', attempts = ?, sent_at = now(), last_error = null "
                    + "where id = ?", attempt, row.id());
        } catch (Exception e) {
            String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
            error = error.length() > 1000 ? error.substring(0, 1000) : error;
            if (attempt >= properties.messages().maxAttempts()) {
                jdbc.update("update citizen_message set status = 'DEAD', attempts = ?, last_error = ? where id = ?",
                        attempt, error, row.id());
                LOG.warn("Message {} ({} of case {} by {}) dead-lettered after {} attempts: {}", row.id(), row.kind(),
                        row.code(), row.channel(), attempt, error);
            } else {
                Duration wait = backoff(attempt);
                jdbc.update("update citizen_message set attempts = ?, last_error = ?, "
                        + "next_attempt_at = now() + ? * interval '1 millisecond' where id = ?",
                        attempt, error, wait.toMillis(), row.id());
                LOG.info("Message {} ({} of case {} by {}) failed (attempt {}), next in {} ms: {}", row.id(),
                        row.kind(), row.code(), row.channel(), attempt, wait.toMillis(), error);
            }
        }
        return true;
    }

    /** The wait after the {@code attempt}-th failure: the initial back-off, doubled each time, at most the maximum. */
    Duration backoff(int attempt) {
        var settings = properties.messages();
        long millis = settings.initialBackoff().toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private record Row(long id, String eventId, String channel, UUID caseId, String kind, String subject, String body,
                       int attempts, String code) {
    }

    /** A queued message as operators see it (no address, no text). */
    public record Entry(long id, String caseCode, String kind, String channel, String status, int attempts,
                        String lastError, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime nextAttemptAt,
                        java.time.OffsetDateTime sentAt) {
    }

    /** The messages in {@code status}, oldest first. */
    public List<Entry> list(String status, int limit) {
        return jdbc.query("""
                select m.id, m.case_code, m.kind, m.channel, m.status, m.attempts, m.last_error, m.created_at,
                       m.next_attempt_at, m.sent_at
                from citizen_message m
                where m.status = ? order by m.id limit ?""",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class),
                        rs.getObject(9, java.time.OffsetDateTime.class), rs.getObject(10, java.time.OffsetDateTime.class)),
                status, limit);
    }

    /** Queues a dead-lettered message again (attempts from zero); false when there is no such dead message. */
    public boolean retry(long id) {
        return jdbc.update("update citizen_message set status = 'PENDING', attempts = 0, next_attempt_at = now() "
                + "where id = ? and status = 'DEAD'", id) == 1;
    }
}
