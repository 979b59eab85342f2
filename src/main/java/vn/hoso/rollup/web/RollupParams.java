package vn.hoso.rollup.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import vn.hoso.rollup.export.Exports;
import vn.hoso.rollup.query.RollupModel;
import vn.hoso.units.Tier;

/**
 * The query parameters and the Accept header of a rollup API request (a handler's argument, resolved by
 * {@link RollupWebConfiguration}), parsed and checked on demand: anything wrong is a 400 naming the parameter.
 * Their OpenAPI description is {@link QueryParameter}'s.
 */
final class RollupParams {

    static final int MAX_YEARS = 5;
    /** Dates outside this range are refused (they mean nothing here, and the far ones overflow date arithmetic). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private final Map<String, String> query;
    private final String accept;

    /**
     * @param query  the first value of each query parameter
     * @param accept the Accept header (null: none)
     */
    RollupParams(Map<String, String> query, String accept) {
        this.query = query;
        this.accept = accept;
    }

    RollupModel.Period period() {
        LocalDate from = requiredDate("from");
        LocalDate to = requiredDate("to");
        if (from.isAfter(to)) {
            throw RollupProblem.badParameter("from", "from (" + from + ") is after to (" + to + ")");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw RollupProblem.badParameter("to", "the period may span at most " + MAX_YEARS + " years");
        }
        return new RollupModel.Period(from, to);
    }

    LocalDate requiredDate(String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw RollupProblem.badParameter(name, "required, a date YYYY-MM-DD");
        }
        return date(name, value);
    }

    LocalDate optionalDate(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : date(name, value);
    }

    private static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw RollupProblem.badParameter(name, "'" + value + "' is not a date YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw RollupProblem.badParameter(name, date + " is outside " + EARLIEST + " … " + LATEST);
        }
        return date;
    }

    Tier tier() {
        String value = query.get("tier");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Tier.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RollupProblem.badParameter("tier", "'" + value + "' is not one of PROVINCE, DISTRICT, COMMUNE");
        }
    }

    String kind() {
        String value = query.get("kind");
        if (value == null || value.isBlank()) {
            return null;
        }
        String k = value.trim().toUpperCase(Locale.ROOT);
        if (!k.equals("PROCEDURE") && !k.equals("WORK")) {
            throw RollupProblem.badParameter("kind", "'" + value + "' is not one of PROCEDURE, WORK");
        }
        return k;
    }

    /** An optional unit code parameter. */
    String code(String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return unitCode(name, value);
    }

    /** A unit code given elsewhere in the request (the path). */
    static String unitCode(String name, String value) {
        if (!value.matches("[0-9A-Za-z]{1,10}")) {
            throw RollupProblem.badParameter(name, "'" + value + "' is not a unit code");
        }
        return value;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw RollupProblem.badParameter(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw RollupProblem.badParameter(name, "'" + value + "' is not a number");
        }
    }

    /** json, csv or xlsx: the format parameter first, then the Accept header. */
    String format() {
        String f = query.get("format");
        if (f != null && !f.isBlank()) {
            String v = f.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("json") && !v.equals("csv") && !v.equals("xlsx")) {
                throw RollupProblem.badParameter("format", "'" + f + "' is not one of json, csv, xlsx");
            }
            return v;
        }
        if (accept != null) {
            if (accept.contains(Exports.XLSX)) {
                return "xlsx";
            }
            if (accept.contains(Exports.CSV)) {
                return "csv";
            }
        }
        return "json";
    }
}
