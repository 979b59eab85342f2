package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.events.Channel;
import vn.hoso.events.SegmentResult;
import vn.hoso.events.StepMode;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store reads a case's state and open segment once per transaction (an engine step asks for them from several
 * listeners and gateways) and reads them again after any write of its own.
 */
@IntegrationTest
class CaseStoreReadsTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    @Autowired
    CaseStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    /** Changes the segment behind the store's back, in a transaction of its own that commits at once. */
    private void outsideTheStore(String sql, UUID caseId) {
        TransactionTemplate separate = tx();
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separate.executeWithoutResult(s -> assertThat(jdbc.update(sql, caseId)).isEqualTo(1));
    }

    private UUID caseWithOpenSegment() {
        UUID caseId = UUID.randomUUID();
        tx().executeWithoutResult(s -> {
            store.insert(caseId, "R-" + caseId.toString().substring(0, 30), CaseKind.PROCEDURE, "1.001", "reads", null, null, Channel.ONLINE,
                    "10507", Tier.COMMUNE, AT, LocalDate.of(2026, 1, 9), "COMMUNE:10507:3", "test");
            store.openSegment(caseId, 1, "10507", Tier.COMMUNE, AT, true, LocalDate.of(2026, 1, 9));
        });
        return caseId;
    }

    @Test
    void aRepeatedReadInOneTransactionIsAnsweredWithoutTheDatabase() {
        UUID caseId = caseWithOpenSegment();
        tx().executeWithoutResult(s -> {
            assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> assertThat(o.lastOutcome()).isNull());
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 9));
            outsideTheStore("update case_segment set last_outcome = 'FORGED', due_date = date '2030-01-01' "
                    + "where case_id = ? and closed_at is null", caseId);
            assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> assertThat(o.lastOutcome()).isNull());
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 9));

            store.setStatus(caseId, CaseStatus.PROCESSING);
            assertThat(store.openSegment(caseId)).as("a write of the case row keeps the segment's reads")
                    .hasValueSatisfying(o -> assertThat(o.lastOutcome()).isNull());
            store.markArrivedElectronically(caseId);
            assertThat(store.openSegment(caseId)).as("a write of the segment forgets them")
                    .hasValueSatisfying(o -> assertThat(o.lastOutcome()).isEqualTo("FORGED"));
        });
        tx().executeWithoutResult(s -> {
            assertThat(store.openSegment(caseId)).hasValueSatisfying(
                    o -> assertThat(o.lastOutcome()).isEqualTo("FORGED"));
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2030, 1, 1));
        });
    }

    @Test
    void theStoresOwnWritesAreSeenByTheNextReadOfTheSameTransaction() {
        UUID caseId = caseWithOpenSegment();
        tx().executeWithoutResult(s -> {
            assertThat(store.state(caseId).status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(store.lastSegmentResult(caseId)).isNull();
            assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> assertThat(o.lastMode()).isNull());

            assertThat(store.recordStep(caseId, StepMode.PAPER, true, "APPROVE")).isTrue();
            assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> {
                assertThat(o.lastOutcome()).isEqualTo("APPROVE");
                assertThat(o.lastMode()).isEqualTo(StepMode.PAPER);
            });

            store.setOpenSegmentDue(caseId, LocalDate.of(2026, 1, 12));
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 12));

            store.setStatus(caseId, CaseStatus.PROCESSING);
            assertThat(store.state(caseId).status()).isEqualTo(CaseStatus.PROCESSING);
            assertThat(store.display(caseId).subject()).isEqualTo("reads");
            assertThat(store.display(caseId).overdueWarned()).isFalse();
            store.overdueWarned(caseId);
            assertThat(store.display(caseId).overdueWarned()).isTrue();

            assertThat(store.closeSegment(caseId, AT.plusHours(2), SegmentResult.FORWARDED)).isPresent();
            assertThat(store.openSegment(caseId)).isEmpty();
            assertThat(store.openSegmentDue(caseId)).isEmpty();
            assertThat(store.lastSegmentResult(caseId)).isEqualTo(SegmentResult.FORWARDED);
        });
    }

    /** Scans of a table in the current transaction so far (PostgreSQL's own count, not yet flushed). */
    private long scansInThisTransaction(String table) {
        return jdbc.queryForObject("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_xact_user_tables"
                + " where relname = ?", Long.class, table);
    }

    @Test
    void anUpdateLeavesTheRowItReturnsAsTheNextReadsWithoutAnotherQuery() {
        UUID caseId = caseWithOpenSegment();
        String processInstance = "pi-" + caseId;
        tx().executeWithoutResult(s -> {
            assertThat(store.bindProcessInstance(caseId, processInstance)).isTrue();
            long caseScans = scansInThisTransaction("case_file");
            store.setStatus(caseId, CaseStatus.PROCESSING);
            store.overdueWarned(caseId);
            assertThat(store.state(caseId).status()).isEqualTo(CaseStatus.PROCESSING);
            assertThat(store.boundTo(processInstance)).hasValueSatisfying(
                    state -> assertThat(state.status()).isEqualTo(CaseStatus.PROCESSING));
            assertThat(store.display(caseId).overdueWarned()).isTrue();
            assertThat(store.display(caseId).subject()).isEqualTo("reads");
            assertThat(scansInThisTransaction("case_file") - caseScans).as("the two updates, no read").isEqualTo(2);

            long segmentScans = scansInThisTransaction("case_segment");
            assertThat(store.recordStep(caseId, StepMode.PAPER, true, "APPROVE")).isTrue();
            assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> {
                assertThat(o.lastOutcome()).isEqualTo("APPROVE");
                assertThat(o.lastMode()).isEqualTo(StepMode.PAPER);
            });
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 9));
            store.setOpenSegmentDue(caseId, LocalDate.of(2026, 1, 14));
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 14));
            assertThat(scansInThisTransaction("case_segment") - segmentScans).as("the two updates, no read")
                    .isEqualTo(2);
        });
        tx().executeWithoutResult(s -> {
            assertThat(store.state(caseId).status()).as("what was kept is what was written")
                    .isEqualTo(CaseStatus.PROCESSING);
            assertThat(store.display(caseId).overdueWarned()).isTrue();
            assertThat(store.openSegmentDue(caseId)).contains(LocalDate.of(2026, 1, 14));
        });
    }

    @Test
    void withoutATransactionEveryReadGoesToTheDatabase() {
        UUID caseId = caseWithOpenSegment();
        assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> assertThat(o.lastOutcome()).isNull());
        jdbc.update("update case_segment set last_outcome = 'CHANGED' where case_id = ?", caseId);
        assertThat(store.openSegment(caseId)).hasValueSatisfying(o -> assertThat(o.lastOutcome()).isEqualTo("CHANGED"));
    }
}
