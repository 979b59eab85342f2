package vn.hoso.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** Read access to the temporal unit registry: units, successions, tiers in force and online targets. */
@Service
public class UnitRegistry {

    private static final String UNIT_COLUMNS = "code, valid_from, valid_to, name, type, tier, parent_code";
    private static final String VALID_ON = "valid_from <= :date and (valid_to is null or valid_to >= :date)";

    private final NamedParameterJdbcTemplate jdbc;

    UnitRegistry(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Units valid on {@code date}, optionally only of one tier and/or with one parent, ordered by code. */
    public List<Unit> unitsOn(LocalDate date, Tier tier, String parentCode) {
        var params = new MapSqlParameterSource("date", date);
        var sql = new StringBuilder("select " + UNIT_COLUMNS + " from unit where " + VALID_ON);
        if (tier != null) {
            sql.append(" and tier = :tier");
            params.addValue("tier", tier.name());
        }
        if (parentCode != null) {
            sql.append(" and parent_code = :parent");
            params.addValue("parent", parentCode);
        }
        sql.append(" order by tier, code");
        return jdbc.query(sql.toString(), params, UNIT);
    }

    public Optional<Unit> unitOn(String code, LocalDate date) {
        return jdbc.query("select " + UNIT_COLUMNS + " from unit where code = :code and " + VALID_ON,
                new MapSqlParameterSource("code", code).addValue("date", date), UNIT).stream().findFirst();
    }

    /** Every version a code has had, oldest first. */
    public List<Unit> history(String code) {
        return jdbc.query("select " + UNIT_COLUMNS + " from unit where code = :code order by valid_from",
                new MapSqlParameterSource("code", code), UNIT);
    }

    /** Every version of every code, by code and start. */
    List<Unit> allVersions() {
        return jdbc.query("select " + UNIT_COLUMNS + " from unit order by code, valid_from", new MapSqlParameterSource(),
                UNIT);
    }

    /** Every official code ever loaded (a code may name several units over time). */
    public List<String> allCodes() {
        return jdbc.queryForList("select distinct code from unit order by code", new MapSqlParameterSource(),
                String.class);
    }

    public List<Succession> successorsOf(Unit unit) {
        return successions("s.old_code = :code and s.old_valid_from = :from", unit);
    }

    public List<Succession> predecessorsOf(Unit unit) {
        return successions("s.new_code = :code and s.new_valid_from = :from", unit);
    }

    public List<Succession> allSuccessions() {
        return successions("true", null);
    }

    private List<Succession> successions(String where, Unit unit) {
        var params = new MapSqlParameterSource();
        if (unit != null) {
            params.addValue("code", unit.code()).addValue("from", unit.validFrom());
        }
        return jdbc.query("""
                select s.old_code, s.old_valid_from, o.name as old_name, s.new_code, s.new_valid_from,
                       n.name as new_name, s.kind
                  from unit_succession s
                  join unit o on o.code = s.old_code and o.valid_from = s.old_valid_from
                  join unit n on n.code = s.new_code and n.valid_from = s.new_valid_from
                 where %s
                 order by s.old_code, s.new_code""".formatted(where), params,
                (rs, i) -> new Succession(rs.getString("old_code"), date(rs, "old_valid_from"),
                        rs.getString("old_name"), rs.getString("new_code"), date(rs, "new_valid_from"),
                        rs.getString("new_name"), Succession.Kind.valueOf(rs.getString("kind"))));
    }

    /** Tiers in force on {@code date}, from the highest. */
    public List<Tier> tiersOn(LocalDate date) {
        List<Tier> tiers = new ArrayList<>(jdbc.query("select tier from tier_period where " + VALID_ON,
                new MapSqlParameterSource("date", date), (rs, i) -> Tier.valueOf(rs.getString(1))));
        tiers.sort(null);
        return tiers;
    }

    /**
     * The tiers in force on each day, as one function over a single read of the tier periods (a handful of rows): for
     * answers that ask about many days.
     */
    public java.util.function.Function<LocalDate, List<Tier>> tierTimeline() {
        record Period(Tier tier, LocalDate from, LocalDate to) {
        }
        List<Period> periods = jdbc.query("select tier, valid_from, valid_to from tier_period", Map.of(),
                (rs, i) -> new Period(Tier.valueOf(rs.getString(1)), date(rs, "valid_from"), date(rs, "valid_to")));
        return day -> periods.stream()
                .filter(p -> !p.from().isAfter(day) && (p.to() == null || !p.to().isBefore(day)))
                .map(Period::tier).sorted().toList();
    }

    /** Targets in force on {@code date}, one per tier that has one, from the highest tier. */
    public List<OnlineTarget> targetsOn(LocalDate date) {
        return targetsBetween(date, date);
    }

    /** Every target regime that overlaps [from, to], by tier then start date. */
    public List<OnlineTarget> targetsBetween(LocalDate from, LocalDate to) {
        List<OnlineTarget> targets = new ArrayList<>(jdbc.query("""
                select tier, target, valid_from, valid_to, programme from online_target
                 where valid_from <= :to and (valid_to is null or valid_to >= :from)""",
                new MapSqlParameterSource("from", from).addValue("to", to),
                (rs, i) -> new OnlineTarget(Tier.valueOf(rs.getString("tier")), rs.getBigDecimal("target"),
                        date(rs, "valid_from"), date(rs, "valid_to"), rs.getString("programme"))));
        targets.sort((a, b) -> a.tier() != b.tier() ? a.tier().compareTo(b.tier())
                : a.validFrom().compareTo(b.validFrom()));
        return targets;
    }

    private static final RowMapper<Unit> UNIT = (rs, i) -> new Unit(rs.getString("code"), date(rs, "valid_from"),
            date(rs, "valid_to"), rs.getString("name"), rs.getString("type"), Tier.valueOf(rs.getString("tier")),
            rs.getString("parent_code"));

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        var d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
