package vn.hoso.rollup;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.HostileValues;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.SharedContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based bad-input tests of the rollup query parameters (jqwik, see {@code IntakeBadInputTest} for how the
 * shared Spring context is reached): any mix of valid, extreme, malformed and hostile {@code from}, {@code to},
 * {@code kind}, {@code tier}, {@code unit}, {@code parent}, {@code asOf}, {@code limit}, {@code offset},
 * {@code format}, unknown parameters, odd path codes and Accept headers never gets a 5xx; every refusal is a 4xx
 * {@code application/problem+json}, and a bad {@code from}/{@code to} is always a 400.
 */
@IntegrationTest
class RollupBadParameterTest {

    static final String[] PATHS = {"/tiers", "/units", "/units/{code}/segments", "/trend", "/report/tiers",
            "/report/units"};

    @LocalServerPort
    int port;
    Http http;

    @BeforeProperty
    void inject() {
        SharedContext.inject(this);
        http = new Http(port);
    }

    @Property(tries = 300)
    void rollupQueriesNeverFailWithA5xxAndRefuseWithAProblem(@ForAll("queries") Query query) {
        HttpResponse<String> response = http.send(http.request(query.uri(), query.user())
                .header("Accept", query.accept()).GET().build());
        String what = query + " -> " + response.statusCode() + " " + abbreviate(response.body());
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(Http.contentType(response)).as(what).startsWith("application/problem+json");
            JsonNode problem = Http.json(response);
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
        } else {
            assertThat(response.statusCode()).as(what).isEqualTo(200);
        }
        if (!query.periodValid()) {
            assertThat(response.statusCode()).as(what).isEqualTo(400);
        }
    }

    record Query(String user, String path, String code, Map<String, String> params, String accept) {

        String uri() {
            String p = "/api/rollups" + path.replace("{code}", URLEncoder.encode(code, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            if (params.isEmpty()) {
                return p;
            }
            return p + "?" + params.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        }

        /** from and to both dates YYYY-MM-DD of a plausible era, from ≤ to, at most 5 years apart. */
        boolean periodValid() {
            LocalDate from = date(params.get("from"));
            LocalDate to = date(params.get("to"));
            return from != null && to != null && !from.isAfter(to) && !from.plusYears(5).isBefore(to);
        }

        private static LocalDate date(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(s);
                return d.getYear() >= 2000 && d.getYear() <= 2099 ? d : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "as " + user + " [" + accept + "] " + abbreviate(uri());
        }
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> users = Arbitraries.frequency(Tuple.of(4, "auditor"), Tuple.of(1, "admin"),
                Tuple.of(2, "officer.10714"), Tuple.of(1, "leader.31"));
        Arbitrary<String> paths = Arbitraries.of(PATHS);
        Arbitrary<String> codes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("10714", "31", "288", "10507", "99999", "0")),
                Tuple.of(2, HostileValues.hostileStrings().filter(s -> !s.isEmpty()).map(RollupBadParameterTest::cut)),
                Tuple.of(1, Arbitraries.of("..", ".", "a/b", "a\\b", "%2F", ";x", "x;jsessionid=1", "%", "%25", "//")));
        Arbitrary<Map<String, String>> params = Combinators.combine(
                dates().injectNull(0.1), dates().injectNull(0.1),
                value(Arbitraries.of("PROCEDURE", "WORK", "procedure", " work ")),
                value(Arbitraries.of("PROVINCE", "DISTRICT", "COMMUNE", "commune")),
                value(Arbitraries.of("10714", "31", "288", "30", "10507", "99999")),
                value(Arbitraries.of("31", "30", "288", "10714")),
                dates().injectNull(0.7),
                value(Arbitraries.of("1", "10", "500", "100000", "100001", "0", "-1", "2147483648", "1e3", " 5 ")))
                .as((from, to, kind, tier, unit, parent, asOf, limit) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    put(m, "from", from);
                    put(m, "to", to);
                    put(m, "kind", kind);
                    put(m, "tier", tier);
                    put(m, "unit", unit);
                    put(m, "parent", parent);
                    put(m, "asOf", asOf);
                    put(m, "limit", limit);
                    return m;
                });
        Arbitrary<Map<String, String>> more = Combinators.combine(params,
                value(Arbitraries.of("0", "10", "-5", "2147483647", "99999999999", "x")),
                value(Arbitraries.of("json", "csv", "xlsx", "XLSX", "pdf", "html", "../../x")),
                Arbitraries.maps(HostileValues.hostileStrings().filter(s -> !s.isEmpty()).map(RollupBadParameterTest::cut),
                        HostileValues.hostileStrings().map(RollupBadParameterTest::cut)).ofMaxSize(2))
                .as((m, offset, format, unknown) -> {
                    Map<String, String> all = new LinkedHashMap<>(unknown);
                    all.keySet().removeIf(k -> k.matches("from|to|kind|tier|unit|parent|asOf|limit|offset|format"));
                    all.putAll(m);
                    put(all, "offset", offset);
                    put(all, "format", format);
                    return all;
                });
        Arbitrary<String> accepts = Arbitraries.of("application/json", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*/*", "text/html",
                "application/xml", "garbage", "application/problem+json", "text/csv;q=0.1, application/json");
        return Combinators.combine(users, paths, codes, more, accepts).as(Query::new);
    }

    /** Mostly valid dates in the product's era; also extreme, impossible and hostile ones. */
    static Arbitrary<String> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 6 * 366)
                        .map(d -> LocalDate.of(2021, 1, 1).plusDays(d).toString())),
                Tuple.of(2, Arbitraries.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "-0001-01-01",
                        "9999-12-31", "+10000-01-01", "1900-01-01", "1999-12-31", "2101-01-01", "0001-01-01",
                        "5874898-01-01", "+5874897-12-31", "-4713-11-24")),
                Tuple.of(2, Arbitraries.of("2025-02-30", "2025-13-01", "2025-00-10", "20250101", "2025-1-1",
                        "01/02/2025", "2025-01-01T00:00:00", "2025-01-01Z", "", " ", "today", "２０２５-01-01",
                        "2025-01-01\u0000", "2025-01-01' or '1'='1")),
                Tuple.of(1, HostileValues.hostileStrings().map(RollupBadParameterTest::cut)));
    }

    /** A parameter that is absent, valid, or hostile. */
    static Arbitrary<String> value(Arbitrary<String> valid) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(null)), Tuple.of(3, valid),
                Tuple.of(1, HostileValues.hostileStrings().map(RollupBadParameterTest::cut)));
    }

    static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** URLs stay below Tomcat's header size limit (8 KiB); the huge strings are for the JSON bodies. */
    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}
