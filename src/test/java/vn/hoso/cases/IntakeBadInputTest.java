package vn.hoso.cases;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.HostileValues;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.SharedContext;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.infra.HostileValues.hostileStrings;

/**
 * Property-based bad-input tests of {@code POST /api/cases} (jqwik): random and hostile JSON, wrong types, huge
 * strings, bad dates, unknown codes, injection strings. Every request is refused with a 4xx
 * {@code application/problem+json}, never a 5xx; no case file is stored and no event is recorded.
 *
 * <p>jqwik runs this class on its own engine, so the Jupiter SpringExtension does not; {@link SharedContext}
 * takes the one {@link IntegrationTest} context from Spring's cache instead (no second context is started).
 */
@IntegrationTest
class IntakeBadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNIT = "10843";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeProperty
    void inject() {
        SharedContext.inject(this);
        http = new Http(port);
    }

    /** A body that is valid but for at least one defect, plus up to three more hostile changes. */
    @Property(tries = 250)
    void aDefectiveCaseIsRefusedWithAProblemAndLeavesNoTrace(@ForAll("defectiveCases") Request request) {
        assertRefused(request);
    }

    /** Anything at all in the body: random JSON trees, broken JSON text, random bytes, wrong content types. */
    @Property(tries = 250)
    void arbitraryBodiesAreRefusedWithAProblemAndLeaveNoTrace(@ForAll("arbitraryBodies") Request request) {
        assertRefused(request);
    }

    private void assertRefused(Request request) {
        long[] before = counts();
        HttpRequest.Builder builder = http.request("/api/cases", request.user())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpResponse<String> response = http.send(builder.build());
        String what = request + " -> " + response.statusCode() + " " + abbreviate(response.body());
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(Http.contentType(response)).as(what).startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
        assertThat(counts()).as("case files, event streams, received events after " + what).isEqualTo(before);
    }

    private long[] counts() {
        return jdbc.queryForObject("""
                select (select count(*) from case_file), (select count(*) from case_event_stream),
                       (select count(*) from case_event where type = 'vn.hoso.case.received')""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    }

    // ------------------------------------------------------------------------------------------ generators

    record Request(String user, String contentType, byte[] body, String description) {
        @Override
        public String toString() {
            return "as " + user + " [" + contentType + "] " + description;
        }
    }

    record Mutation(String description, Consumer<ObjectNode> apply) {
    }

    static ObjectNode validBody() {
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", "PROCEDURE");
        body.put("procedureCode", "BIRTH_REG");
        body.put("receivingUnit", UNIT);
        body.put("channel", "ONLINE");
        body.put("subject", "Đăng ký khai sinh cho con");
        body.putObject("applicant").put("name", "Trần Thị Bình").put("idNumber", "030095001234");
        return body;
    }

    @Provide
    Arbitrary<Request> defectiveCases() {
        Arbitrary<List<Mutation>> extra = Arbitraries.oneOf(defect(), harmless()).list().ofMaxSize(3);
        Arbitrary<String> users = Arbitraries.of("admin", "officer." + UNIT, "officer.10714", "leader." + UNIT, "auditor");
        return Combinators.combine(defect(), extra, users).as((d, more, user) -> {
            // the defect last: each one makes the body invalid whatever the other fields hold
            List<Mutation> all = new ArrayList<>(more);
            all.add(d);
            ObjectNode body = validBody();
            all.forEach(m -> m.apply().accept(body));
            return new Request(user, "application/json", bytes(body),
                    all.stream().map(Mutation::description).toList() + " " + abbreviate(body.toString()));
        });
    }

    /** Changes that make the body invalid on their own. */
    Arbitrary<Mutation> defect() {
        Arbitrary<String> required = Arbitraries.of("kind", "procedureCode", "receivingUnit", "channel", "subject");
        Arbitrary<String> exact = Arbitraries.of("kind", "procedureCode", "receivingUnit", "channel");
        Arbitrary<String> anyText = Arbitraries.of("kind", "procedureCode", "receivingUnit", "channel", "subject",
                "applicant.name", "applicant.idNumber");
        return Arbitraries.oneOf(
                required.map(f -> new Mutation("remove " + f, b -> b.remove(f))),
                Combinators.combine(Arbitraries.of("kind", "procedureCode", "receivingUnit", "channel", "subject",
                        "applicant", "applicant.name", "applicant.idNumber", "receivedAt"), wrongType())
                        .as((f, v) -> new Mutation(f + " = " + abbreviate(v.toString()), b -> set(b, f, v))),
                Combinators.combine(anyText, Arbitraries.of("", " ", "\t", "   \n  "))
                        .as((f, v) -> new Mutation(f + " blank", b -> set(b, f, JSON.getNodeFactory().textNode(v)))),
                Combinators.combine(anyText, Arbitraries.integers().between(501, 200_000))
                        .as((f, n) -> new Mutation(f + " = " + n + " chars", b -> set(b, f, JSON.getNodeFactory()
                                .textNode("Ư".repeat(n))))),
                Combinators.combine(anyText, Arbitraries.of("\u0000", "\u0001", "\r\n", "\u001b[31m", "\n"))
                        .as((f, c) -> new Mutation(f + " with control char " + JSON.valueToTree(c),
                                b -> set(b, f, JSON.getNodeFactory().textNode("Hồ sơ" + c + "x")))),
                Combinators.combine(exact, hostileStrings()).filter((f, s) -> !validValue(f, s))
                        .as((f, s) -> new Mutation(f + " = " + abbreviate(s), b -> b.put(f, s))),
                hostileStrings().filter(s -> !s.strip().matches("\\d{12}")).map(s -> new Mutation("idNumber = " + abbreviate(s),
                        b -> set(b, "applicant.idNumber", JSON.getNodeFactory().textNode(s)))),
                HostileValues.badInstants().map(s -> new Mutation("receivedAt = " + s, b -> b.put("receivedAt", s))),
                HostileValues.unknownProcedureCodes().map(s -> new Mutation("procedureCode = " + s,
                        b -> b.put("procedureCode", s))),
                HostileValues.unknownUnitCodes().map(s -> new Mutation("receivingUnit = " + s,
                        b -> b.put("receivingUnit", s))),
                Arbitraries.of("procedure", "Procedure", "PROCEDURE\u0000", "PROCEDURES", "LETTER", "ALL", "*")
                        .map(s -> new Mutation("kind = " + s, b -> b.put("kind", s))),
                Arbitraries.of("online", "EMAIL", "ONLINE,POST", "P OST", "FAX", "%")
                        .map(s -> new Mutation("channel = " + s, b -> b.put("channel", s))),
                Arbitraries.just(new Mutation("PROCEDURE without applicant", b -> {
                    b.put("kind", "PROCEDURE");
                    b.remove("applicant");
                })),
                Arbitraries.just(new Mutation("PROCEDURE with applicant null", b -> {
                    b.put("kind", "PROCEDURE");
                    b.putNull("applicant");
                })),
                Arbitraries.just(new Mutation("WORK with applicant", b -> {
                    b.put("kind", "WORK");
                    b.put("procedureCode", "WORK_INCOMING");
                    set(b, "applicant.name", JSON.getNodeFactory().textNode("Trần Thị Bình"));
                })),
                Arbitraries.of("12345678901", "1234567890123", "03009500123a", "０３００９５００１２３４", "-30095001234")
                        .map(s -> new Mutation("idNumber = " + s,
                                b -> set(b, "applicant.idNumber", JSON.getNodeFactory().textNode(s)))),
                // province-only procedure at a commune; district in 2026
                Arbitraries.just(new Mutation("ENTERPRISE_REG at a commune", b -> b.put("procedureCode", "ENTERPRISE_REG"))),
                Arbitraries.just(new Mutation("district unit after 2025-07-01", b -> b.put("receivingUnit", "288"))));
    }

    /** Hostile changes that a valid body may carry (stored verbatim or ignored); never alone in a request. */
    Arbitrary<Mutation> harmless() {
        return Arbitraries.oneOf(
                hostileStrings().filter(s -> !s.isBlank() && s.length() <= 500 && s.chars().noneMatch(c -> c < 0x20 && c != '\t'))
                        .map(s -> new Mutation("subject = " + abbreviate(s), b -> b.put("subject", s))),
                Arbitraries.of("caseId", "code", "status", "createdBy", "dueDate", "__proto__", "constructor",
                                "@class", "$where", "id", "hososeq")
                        .map(f -> new Mutation("extra field " + f, b -> b.put(f, "00000000-0000-0000-0000-000000000000"))),
                Arbitraries.just(new Mutation("extra nested @class", b -> b.putObject("x")
                        .put("@class", "org.springframework.context.support.ClassPathXmlApplicationContext"))));
    }

    Arbitrary<JsonNode> wrongType() {
        var f = JSON.getNodeFactory();
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) f.numberNode(i)),
                Arbitraries.doubles().map(d -> (JsonNode) f.numberNode(d)),
                Arbitraries.just(f.numberNode(new java.math.BigDecimal("1e400"))),
                Arbitraries.of(true, false).map(bool -> (JsonNode) f.booleanNode(bool)),
                hostileStrings().list().ofMaxSize(3).map(l -> (JsonNode) JSON.valueToTree(l)),
                Arbitraries.just(JSON.valueToTree(Map.of("$ne", 1))),
                Arbitraries.just(JSON.valueToTree(Map.of("value", "PROCEDURE"))));
    }

    @Provide
    Arbitrary<Request> arbitraryBodies() {
        Arbitrary<String> contentTypes = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, "application/json"),
                net.jqwik.api.Tuple.of(1, "application/json; charset=ISO-8859-1"),
                net.jqwik.api.Tuple.of(1, "text/plain"),
                net.jqwik.api.Tuple.of(1, "application/xml"),
                net.jqwik.api.Tuple.of(1, "application/x-www-form-urlencoded"),
                net.jqwik.api.Tuple.of(1, "multipart/form-data; boundary=x"));
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                HostileValues.jsonValues(4).map(IntakeBadInputTest::bytes),
                HostileValues.brokenJson(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("", "{", "}", "[", "{\"kind\":", "{\"kind\":\"PROCEDURE\",}", "{'kind':'WORK'}",
                                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                                "[".repeat(100_000), "{\"x\":1" + ",\"x\":1".repeat(20_000) + "}",
                                "{\"n\":1" + "0".repeat(5000) + "}", "\uFEFF{}", "<?xml version=\"1.0\"?><case/>",
                                "kind=PROCEDURE&procedureCode=BIRTH_REG")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> users = Arbitraries.of("admin", "officer." + UNIT, "auditor");
        return Combinators.combine(users, contentTypes.injectNull(0.05), bodies)
                .as((u, ct, b) -> new Request(u, ct, b, abbreviate(new String(b, StandardCharsets.UTF_8))));
    }

    /** Would this value pass validation of that field (after the strip the intake does)? */
    static boolean validValue(String field, String value) {
        String v = value.strip();
        return switch (field) {
            case "kind" -> v.equals("PROCEDURE") || v.equals("WORK");
            case "channel" -> v.equals("ONLINE") || v.equals("IN_PERSON") || v.equals("POST");
            case "receivingUnit" -> v.matches("\\d{1,5}");
            case "procedureCode" -> v.matches("[A-Z_]+");
            default -> false;
        };
    }

    static void set(ObjectNode body, String path, JsonNode value) {
        if (path.startsWith("applicant.")) {
            if (!(body.get("applicant") instanceof ObjectNode)) {
                body.putObject("applicant").put("name", "Trần Thị Bình").put("idNumber", "030095001234");
            }
            ((ObjectNode) body.get("applicant")).set(path.substring("applicant.".length()), value);
        } else {
            body.set(path, value);
        }
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + " chars)";
    }
}
