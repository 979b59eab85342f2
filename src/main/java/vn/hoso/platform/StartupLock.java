package vn.hoso.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that every node does at start (the identity model, Tasklist's shared filters and their grants) and that must
 * not run on two nodes at the same moment: each would find nothing and both would create it. Runs the work in one
 * transaction under a PostgreSQL advisory lock, so nodes starting together take turns and the later ones find what
 * the first created (FirstStartIT). The engine's own calls join the transaction.
 */
@Component
public class StartupLock {

    /** Any constant the app's other advisory locks do not use. */
    private static final long KEY = 0x686f736f_69640001L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    StartupLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    public void exclusively(Runnable work) {
        tx.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, KEY);
            work.run();
        });
    }
}
