package vn.hoso.platform;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures count as the database being unreachable: kept off the DLT by the rollup consumer, 503 for a request. */
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
        assertThat(DatabaseUnavailable.causedBy(new IllegalArgumentException("not JSON"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
