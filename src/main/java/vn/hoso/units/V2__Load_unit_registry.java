package vn.hoso.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the official unit lists shipped in {@code reference/units/} (GSO codes, dvhcvn compilation; see NOTICE).
 * <ul>
 * <li>the 2021-11-01 list is taken as in force from 2021-01-01, the start of the 2021–2025 programme (it is the
 * earliest list we have);</li>
 * <li>the 2025-03-01 list records the commune merger that took effect on 2025-01-01;</li>
 * <li>the 2025-07-01 list is the two-tier government: every earlier unit ends on 2025-06-30.</li>
 * </ul>
 */
@Component
class V2__Load_unit_registry extends BaseJavaMigration {

    static final LocalDate PROGRAMME_START = LocalDate.of(2021, 1, 1);
    static final LocalDate COMMUNE_MERGER_2025 = LocalDate.of(2025, 1, 1);
    static final LocalDate TWO_TIER_REFORM = LocalDate.of(2025, 7, 1);

    @Override
    public void migrate(Context context) throws Exception {
        List<Unit> units = UnitHistory.build(List.of(
                new UnitHistory.Snapshot(PROGRAMME_START, read("hai_duong_2021-11-01.csv"), false),
                new UnitHistory.Snapshot(COMMUNE_MERGER_2025, read("hai_duong_2025-03-01.csv"), false),
                new UnitHistory.Snapshot(TWO_TIER_REFORM, read("hai_phong_2025-07-01.csv"), true)));
        Connection connection = context.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into unit (code, valid_from, valid_to, name, type, tier, parent_code)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Unit u : units) {
                insert.setString(1, u.code());
                insert.setDate(2, Date.valueOf(u.validFrom()));
                insert.setDate(3, u.validTo() == null ? null : Date.valueOf(u.validTo()));
                insert.setString(4, u.name());
                insert.setString(5, u.type());
                insert.setString(6, u.tier().name());
                insert.setString(7, u.parentCode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        LocalDate lastOldDay = TWO_TIER_REFORM.minusDays(1);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into unit_succession (old_code, old_valid_from, new_code, new_valid_from, kind)
                select ?, o.valid_from, ?, n.valid_from, ?
                  from unit o, unit n
                 where o.code = ? and o.valid_from <= ? and o.valid_to >= ?
                   and n.code = ? and n.valid_from = ?""")) {
            List<String[]> edges = new ArrayList<>();
            for (String[] f : lines("hai_duong_successors_2025-07-01.csv")) {
                edges.add(new String[] {f[0], f[2], f[4].toUpperCase()});
            }
            // Hải Dương (30) was merged as a whole into Thành phố Hải Phòng (31).
            edges.add(new String[] {"30", "31", "FULL"});
            for (String[] e : edges) {
                insert.setString(1, e[0]);
                insert.setString(2, e[1]);
                insert.setString(3, e[2]);
                insert.setString(4, e[0]);
                insert.setDate(5, Date.valueOf(lastOldDay));
                insert.setDate(6, Date.valueOf(lastOldDay));
                insert.setString(7, e[1]);
                insert.setDate(8, Date.valueOf(TWO_TIER_REFORM));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new SQLException("succession edge " + String.join("→", edges.get(i)) + " matches no units");
                }
            }
        }
    }

    private static List<UnitHistory.Row> read(String file) {
        return lines(file).stream()
                .map(f -> new UnitHistory.Row(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : null))
                .toList();
    }

    /** The reference files are plain comma-separated values without quoting (names contain no commas). */
    private static List<String[]> lines(String file) {
        var resource = new ClassPathResource("reference/units/" + file);
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
