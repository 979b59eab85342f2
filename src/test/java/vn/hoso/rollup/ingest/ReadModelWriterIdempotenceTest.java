package vn.hoso.rollup.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the writer recognises an event it has applied: by the case's position (the highest {@code hososeq} applied)
 * for events of the log, by the event id for records without a {@code hososeq}. Each test writes its own cases to the
 * live model and counts their segment rows: a segment.closed applied twice would be two rows.
 */
@IntegrationTest
class ReadModelWriterIdempotenceTest {

    @Autowired
    ReadModelWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper mapper;

    private final String caseId = "IDEMPOTENCE-" + UUID.randomUUID();

    private ReadModelWriter.Outcome apply(PublishedCaseEvent... events) {
        return tx.execute(status -> writer.apply(ReadModel.LIVE, List.of(events), "test-topic", null));
    }

    private PublishedCaseEvent segmentClosed(long seq, int segmentNo) {
        return segmentClosed(UUID.randomUUID(), seq, segmentNo);
    }

    private PublishedCaseEvent segmentClosed(UUID id, long seq, int segmentNo) {
        String hososeq = seq > 0 ? "\"hososeq\":" + seq + "," : "";
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"vn.hoso.segment.closed\","
                + "\"source\":\"/units/10507\",\"subject\":\"" + caseId + "\"," + hososeq
                + "\"time\":\"2026-01-05T10:00:00.000+07:00\",\"data\":{\"caseId\":\"" + caseId + "\","
                + "\"unitCode\":\"10507\",\"tier\":\"COMMUNE\",\"segmentNo\":" + segmentNo + ","
                + "\"openedAt\":\"2026-01-05T08:00:00.000+07:00\",\"closedAt\":\"2026-01-05T10:00:00.000+07:00\","
                + "\"steps\":2,\"paperSteps\":0,\"arrivedElectronically\":true,\"processedOnline\":true,"
                + "\"kind\":\"PROCEDURE\",\"procedureCode\":\"1.001\",\"result\":\"RESOLVED\"}}";
        return CaseEventReader.read(mapper, json.getBytes(StandardCharsets.UTF_8));
    }

    private long segments() {
        return jdbc.queryForObject("select count(*) from rollup_segment where case_id = ?", Long.class, caseId);
    }

    private Long position() {
        return jdbc.query("select applied_seq from rollup_case_position where case_id = ?",
                (rs, i) -> rs.getLong(1), caseId).stream().findFirst().orElse(null);
    }

    @Test
    void aBatchDeliveredAgainChangesNothingAndTheNextEventOfTheCaseIsApplied() {
        PublishedCaseEvent first = segmentClosed(1, 1);
        PublishedCaseEvent second = segmentClosed(2, 2);
        assertThat(apply(first, second)).isEqualTo(new ReadModelWriter.Outcome(2, 0, 0));
        assertThat(position()).isEqualTo(2);

        assertThat(apply(first, second)).isEqualTo(new ReadModelWriter.Outcome(0, 2, 0));
        assertThat(apply(first)).as("an older event alone").isEqualTo(new ReadModelWriter.Outcome(0, 1, 0));
        assertThat(position()).as("never moves back").isEqualTo(2);
        assertThat(segments()).isEqualTo(2);

        assertThat(apply(second, segmentClosed(3, 3))).isEqualTo(new ReadModelWriter.Outcome(1, 1, 0));
        assertThat(position()).isEqualTo(3);
        assertThat(segments()).isEqualTo(3);
    }

    @Test
    void insideOneBatchACopyAndAnEventBehindALaterOneAreAppliedOnce() {
        PublishedCaseEvent first = segmentClosed(1, 1);
        PublishedCaseEvent third = segmentClosed(3, 3);
        // the same event twice, a different event with a hososeq already applied in this batch, and one behind it
        ReadModelWriter.Outcome outcome = apply(first, first, third, segmentClosed(3, 4), segmentClosed(2, 2));
        assertThat(outcome).isEqualTo(new ReadModelWriter.Outcome(2, 3, 0));
        assertThat(position()).isEqualTo(3);
        assertThat(jdbc.queryForList("select segment_no from rollup_segment where case_id = ? order by segment_no",
                Integer.class, caseId)).containsExactly(1, 3);
    }

    @Test
    void recordsWithoutAHososeqAreRecognisedByTheirId() {
        UUID id = UUID.randomUUID();
        assertThat(apply(segmentClosed(id, 0, 1))).isEqualTo(new ReadModelWriter.Outcome(1, 0, 0));
        assertThat(apply(segmentClosed(id, 0, 1), segmentClosed(0, 2))).isEqualTo(new ReadModelWriter.Outcome(1, 1, 0));
        assertThat(segments()).isEqualTo(2);
        assertThat(position()).as("no position without a hososeq").isNull();
        assertThat(jdbc.queryForObject("select count(*) from rollup_processed_event where event_id = ?", Long.class,
                id)).isEqualTo(1);
    }

    @Test
    void aRolledBackBatchLeavesThePositionWhereItWas() {
        apply(segmentClosed(1, 1));
        tx.execute(status -> {
            writer.apply(ReadModel.LIVE, List.of(segmentClosed(2, 2)), "test-topic", null);
            status.setRollbackOnly();
            return null;
        });
        assertThat(position()).isEqualTo(1);
        assertThat(apply(segmentClosed(2, 2))).isEqualTo(new ReadModelWriter.Outcome(1, 0, 0));
        assertThat(segments()).isEqualTo(2);
    }
}
