package vn.hoso.rollup.web;

import java.util.Set;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query parameters of the rollup API as its OpenAPI description names them, declared once here; a handler lists
 * the ones it reads with {@link PeriodQuery}, and {@link RollupOpenApi} adds them to its operation.
 */
enum QueryParameter {
    FROM("from", "First day, YYYY-MM-DD", true, "string", "date"),
    TO("to", "Last day, YYYY-MM-DD (at most 5 years after from)", true, "string", "date"),
    KIND("kind", "PROCEDURE or WORK; absent: both, except /report/… (Biểu II.06a), which counts PROCEDURE"),
    FORMAT("format", "json, csv or xlsx (else the Accept header decides)"),
    TIER("tier", "PROVINCE, DISTRICT or COMMUNE"),
    AS_OF("asOf", "Restate onto the units valid on this date", false, "string", "date"),
    UNIT("unit", "Only this unit code"),
    TREND_UNIT("unit", "A unit code instead of whole tiers"),
    PARENT("parent", "Only the units below this unit code"),
    LIMIT("limit", "Page size (default 500; exports 100000)", false, "integer", null),
    OFFSET("offset", "Rows to skip", false, "integer", null);

    /** What every GET of the API reads first: the period, the kind of case, the answer's format. */
    static final QueryParameter[] COMMON = {FROM, TO, KIND, FORMAT};

    private final String name;
    private final String description;
    private final boolean required;
    private final String type;
    private final String format;

    QueryParameter(String name, String description) {
        this(name, description, false, "string", null);
    }

    QueryParameter(String name, String description, boolean required, String type, String format) {
        this.name = name;
        this.description = description;
        this.required = required;
        this.type = type;
        this.format = format;
    }

    Parameter toOpenApi() {
        Schema<?> schema = new Schema<>(SpecVersion.V31).types(Set.of(type)).type(type).format(format);
        return new Parameter().name(name).in("query").description(description).required(required ? true : null)
                .schema(schema);
    }
}
