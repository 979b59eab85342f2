package vn.hoso.rollup;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of the rollup consumer keep a batch off the DLT (see RollupKafkaConfiguration). */
@Tag("fast")
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailability() {
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.causedBy(new ListenerExecutionFailedException("listener",
                new TransactionSystemException("JDBC rollback failed", io)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new ListenerExecutionFailedException("listener",
                new DataAccessResourceFailureException("ConnectionCallback", io)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void poisonAndOtherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new CaseEvent.PoisonRecordException("not JSON"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
