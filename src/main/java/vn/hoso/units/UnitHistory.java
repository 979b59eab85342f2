package vn.hoso.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns dated snapshots of the official unit list into unit versions keyed by (code, validFrom).
 * A code whose name, type or parent changed between two snapshots names a different unit from the day the later
 * snapshot takes effect; a code missing from the later snapshot ends the day before.
 */
final class UnitHistory {

    record Row(String code, String name, String level, String type, String parentCode) {
    }

    /** A snapshot in force from {@code effectiveFrom}; {@code replacesAll}: every earlier unit ends (a reform). */
    record Snapshot(LocalDate effectiveFrom, List<Row> rows, boolean replacesAll) {
    }

    private final Map<String, Unit> open = new LinkedHashMap<>();
    private final List<Unit> closed = new ArrayList<>();

    static List<Unit> build(List<Snapshot> snapshots) {
        UnitHistory history = new UnitHistory();
        snapshots.forEach(history::apply);
        List<Unit> all = new ArrayList<>(history.closed);
        all.addAll(history.open.values());
        return all;
    }

    private void apply(Snapshot snapshot) {
        LocalDate dayBefore = snapshot.effectiveFrom().minusDays(1);
        Map<String, Row> incoming = new LinkedHashMap<>();
        snapshot.rows().forEach(r -> incoming.put(r.code(), r));

        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            Unit current = it.next().getValue();
            Row next = incoming.get(current.code());
            if (snapshot.replacesAll() || next == null || !sameUnit(current, next)) {
                closed.add(new Unit(current.code(), current.validFrom(), dayBefore, current.name(), current.type(),
                        current.tier(), current.parentCode()));
                it.remove();
            }
        }
        for (Row row : incoming.values()) {
            open.computeIfAbsent(row.code(), code -> new Unit(code, snapshot.effectiveFrom(), null, row.name(),
                    row.type(), Tier.fromLevel(row.level()), blankToNull(row.parentCode())));
        }
    }

    private static boolean sameUnit(Unit unit, Row row) {
        return unit.name().equals(row.name()) && unit.type().equals(row.type())
                && Objects.equals(unit.parentCode(), blankToNull(row.parentCode()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
