package vn.hoso.rollup.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;
import vn.hoso.rollup.query.RollupModel.Period;

/**
 * The "Số hóa hồ sơ" figures of the national 766 index, from the read model (cases and their documents, fed by the
 * case events): per receiving unit and tier, the share of the dossiers (kind {@code PROCEDURE}) received in the
 * period whose components are digital — every required component of the procedure among the documents given at
 * reception, born digital or scanned from paper there — and, per resolving unit and tier, the share of the results
 * issued (outcome {@code APPROVED}) in the period with an electronic result document (stage {@code RESULT}).
 */
@Service
public class DigitizationFigures {

    /**
     * @param received           dossiers received in the period
     * @param digital            of them, with every required component digital at reception
     * @param scannedAtReception of the digital ones, those with a component scanned from paper at reception
     * @param digitalRate        digital / received (null without dossiers)
     * @param results            results issued in the period
     * @param electronicResults  of them, issued as an electronic document
     * @param electronicRate     electronicResults / results (null without results)
     */
    public record Row(String tier, String unitCode, long received, long digital, long scannedAtReception,
                      BigDecimal digitalRate, long results, long electronicResults, BigDecimal electronicRate) {
    }

    public record Figures(Period period, List<Row> tiers, List<Row> units) {
    }

    private final JdbcTemplate jdbc;
    private final ProcedureComponents components;

    DigitizationFigures(JdbcTemplate jdbc, ProcedureComponents components) {
        this.jdbc = jdbc;
        this.components = components;
    }

    private static final class Counts {
        long received;
        long digital;
        long scanned;
        long results;
        long electronic;
    }

    public Figures figures(Period period) {
        Map<List<String>, Counts> byUnit = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        jdbc.query("""
                select c.receiving_tier, c.receiving_unit, c.procedure_code,
                       array_remove(array_agg(distinct d.component) filter (where d.stage = 'RECEPTION'), null),
                       coalesce(bool_or(d.digitized_from_paper) filter (where d.stage = 'RECEPTION'), false)
                  from rollup_case c left join rollup_document d on d.case_id = c.case_id
                 where c.kind = 'PROCEDURE' and c.received_on between ? and ?
                 group by c.case_id, c.receiving_tier, c.receiving_unit, c.procedure_code""", rs -> {
            Counts counts = byUnit.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new Counts());
            counts.received++;
            Array array = rs.getArray(4);
            Set<String> given = array == null ? Set.of() : Arrays.stream((Object[]) array.getArray())
                    .map(String::valueOf).collect(Collectors.toSet());
            if (!given.isEmpty() && given.containsAll(required(rs.getString(3)))) {
                counts.digital++;
                if (rs.getBoolean(5)) {
                    counts.scanned++;
                }
            }
        }, period.from(), period.to());
        jdbc.query("""
                select c.resolving_tier, c.resolving_unit, count(*),
                       count(*) filter (where exists (select 1 from rollup_document d
                                                       where d.case_id = c.case_id and d.stage = 'RESULT'))
                  from rollup_case c
                 where c.kind = 'PROCEDURE' and c.outcome = 'APPROVED' and c.resolved_on between ? and ?
                   and c.resolving_unit is not null
                 group by 1, 2""", rs -> {
            Counts counts = byUnit.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new Counts());
            counts.results += rs.getLong(3);
            counts.electronic += rs.getLong(4);
        }, period.from(), period.to());

        List<Row> units = new ArrayList<>();
        Map<String, Counts> byTier = new TreeMap<>();
        byUnit.forEach((key, c) -> {
            units.add(row(key.get(0), key.get(1), c));
            Counts t = byTier.computeIfAbsent(key.get(0), k -> new Counts());
            t.received += c.received;
            t.digital += c.digital;
            t.scanned += c.scanned;
            t.results += c.results;
            t.electronic += c.electronic;
        });
        List<Row> tiers = new ArrayList<>();
        byTier.forEach((tier, c) -> tiers.add(row(tier, null, c)));
        return new Figures(period, tiers, units);
    }

    private Set<String> required(String procedureCode) {
        return components.of(procedureCode).stream().filter(ProcedureComponent::required)
                .map(ProcedureComponent::code).collect(Collectors.toSet());
    }

    private static Row row(String tier, String unit, Counts c) {
        return new Row(tier, unit, c.received, c.digital, c.scanned, rate(c.digital, c.received), c.results,
                c.electronic, rate(c.electronic, c.results));
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
