package vn.hoso.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's own JDBC access to the apps' database (to pick open tasks and to count), one short connection per
 * call; calls are retried while PostgreSQL is being restarted.
 */
final class Db {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;

    Db(FaultInfrastructure infra) {
        this(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
    }

    Db(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.map(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !transientFailure(e)) {
                    throw new IllegalStateException(sql + ": " + e.getMessage(), e);
                }
                sleep(250);
            }
        }
    }

    long count(String sql, Object... params) {
        return query(sql, rs -> rs.getLong(1), params).get(0);
    }

    private static boolean transientFailure(SQLException e) {
        String state = e.getSQLState();
        // 08xxx: connection exceptions; 57Pxx: operator intervention (shutdown); null: I/O errors of the driver
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    /** A client's back-off before it tries again (after an error, or when it has nothing to do): not a wait for a
     *  condition of the test, which are all Awaitility's. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
