package vn.hoso.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For benchmarks: queues events already in the log into the outbox as their appends do (with the record value the
 * append writes and {@code created_at} = the event's {@code recorded_at}), without running the appends.
 */
public final class BenchOutbox {

    private static final String INSERT = """
            insert into case_event_outbox (case_id, seq, created_at, record)
            select * from unnest(?::varchar[], ?::bigint[], ?::timestamptz[], ?::text[])""";

    private BenchOutbox() {
    }

    /** Queues every event of the cases whose id starts with {@code caseIdPrefix}; returns how many. */
    public static long queue(JdbcTemplate jdbc, String caseIdPrefix, int rowsPerStatement) {
        return jdbc.execute((ConnectionCallback<Long>) con -> {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false); // a cursor: the events are streamed, not held
            long queued = 0;
            try (var writer = jdbc.getDataSource().getConnection();
                 PreparedStatement read = con.prepareStatement("select " + CaseEventLog.EVENT_COLUMNS
                         + ", e.recorded_at from case_event e where e.case_id like ? order by e.recorded_at")) {
                read.setFetchSize(rowsPerStatement);
                read.setString(1, caseIdPrefix + "%");
                List<Object[]> rows = new ArrayList<>(rowsPerStatement);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent e = CaseEventLog.storedEvent(rs, 0);
                        rows.add(new Object[] {e.caseId(), e.seq(), rs.getTimestamp("recorded_at"), e.cloudEventJson()});
                        if (rows.size() == rowsPerStatement) {
                            queued += insert(writer, rows);
                        }
                    }
                }
                queued += insert(writer, rows);
                con.commit();
            } finally {
                con.setAutoCommit(autoCommit);
            }
            return queued;
        });
    }

    private static int insert(Connection con, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = con.prepareStatement(INSERT)) {
            ps.setArray(1, con.createArrayOf("varchar", rows.stream().map(r -> r[0]).toArray()));
            ps.setArray(2, con.createArrayOf("int8", rows.stream().map(r -> r[1]).toArray()));
            ps.setArray(3, con.createArrayOf("timestamptz", rows.stream().map(r -> (Timestamp) r[2]).toArray()));
            ps.setArray(4, con.createArrayOf("text", rows.stream().map(r -> r[3]).toArray()));
            int n = ps.executeUpdate();
            rows.clear();
            return n;
        }
    }
}
