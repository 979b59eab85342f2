package vn.hoso.infra;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** jqwik generators of hostile input shared by the bad-input properties. */
public final class HostileValues {

    /** Strings an attacker or a broken client sends: injections, encodings, odd Unicode, huge, empty. */
    public static final List<String> HOSTILE = List.of(
            "' or '1'='1", "'; drop table case_file; --", "1; select pg_sleep(5)", "\" or \"\"=\"",
            "10507' union select password from act_id_user --", "%' and 1=1 --", "\\", "\\\\'", "'", "\"",
            "${''.getClass().forName('java.lang.Runtime')}", "#{7*7}", "${7*7}", "${jndi:ldap://127.0.0.1/x}",
            "*{T(java.lang.Runtime).getRuntime()}", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "\u0000", "%0d%0aSet-Cookie: x=1",
            "\r\nSet-Cookie: x=1", "{\"$ne\": null}", "[$ne]=1", "__proto__", "null", "NULL", "undefined", "NaN",
            "Infinity", "-1", "0", "1e309", "9223372036854775808", "true", "   ", "", "\t", "\u202Eevil",
            "\uFEFF10507", "\u200B", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🤖🔥", "\uD800", "\uDFFF", "Nguyễn Văn An", "ǅ", "İ", "ß",
            "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "a".repeat(10_000), "Ư".repeat(70_000));

    private HostileValues() {
    }

    public static Arbitrary<String> hostileStrings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(HOSTILE)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(2000)));
    }

    /** receivedAt values that are no acceptable instant: not ISO, no offset, impossible, too early, future. */
    public static Arbitrary<String> badInstants() {
        return Arbitraries.oneOf(
                Arbitraries.of("yesterday", "now", "2025-02-30T08:00:00+07:00", "2025-13-01T08:00:00+07:00",
                        "2025-01-01", "2025-01-01T08:00:00", "2025-01-01 08:00:00+07:00", "2025-01-01T25:00:00+07:00",
                        "2025-01-01T08:00:00+25:00", "+999999999-12-31T23:59:59+18:00",
                        "-999999999-01-01T00:00:00-18:00", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                        "-0001-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2020-12-31T16:59:59Z",
                        "2099-01-01T00:00:00+07:00", "1735689600", "2025-W01-1T08:00:00Z", "2025-001T08:00:00Z",
                        "P1D", "2025-01-01T08:00:00+07:00[Asia/Ho_Chi_Minh]x", "2025-01-01T08:00:00.0000000000+07:00",
                        "２０２５-01-01T08:00:00+07:00", "2025-01-01T08:00:00+07:00\u0000", ""),
                hostileStrings().filter(s -> !s.matches(".*\\d{4}-\\d{2}-\\d{2}.*")));
    }

    /** Procedure codes that are not in the catalogue. */
    public static Arbitrary<String> unknownProcedureCodes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(40)
                        .map(s -> "X" + s).map(s -> s.length() > 40 ? s.substring(0, 40) : s),
                Arbitraries.of("birth_reg", "BIRTH_REG\u0000", " BIRTH_REG\u0000", "BIRTH-REG", "BIRTH_REG;", "*", "%",
                        "BIRTH_REG' or '1'='1", "${procedureCode}", "WORK_INCOMING\nX"));
    }

    /** Unit codes that name no unit: too long, leading zeros, letters, signs. */
    public static Arbitrary<String> unknownUnitCodes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(10).map(s -> "9" + s.substring(1)),
                Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(30),
                Arbitraries.of("010843", "0", "00", "-10843", "+10843", "10843.0", "1e4", "1O843", "１０８４３",
                        "10843\u0000", "108 43", "0x2A", "99999"));
    }

    /** Random JSON documents (maps, lists, scalars) up to the given depth. */
    public static Arbitrary<Object> jsonValues(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                hostileStrings().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("kind", "procedureCode", "receivingUnit", "channel", "subject", "applicant", "name",
                        "idNumber", "receivedAt", "caseId", "status", "$ne", "__proto__", ""),
                hostileStrings().map(s -> s.length() > 100 ? s.substring(0, 100) : s));
        Arbitrary<Object> inner = Arbitraries.lazy(() -> jsonValues(depth - 1));
        Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(keys, inner).ofMaxSize(7).map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, list), Tuple.of(3, map));
    }

    /** JSON text cut short or with a character flipped. */
    public static Arbitrary<byte[]> brokenJson() {
        String valid = "{\"kind\":\"PROCEDURE\",\"procedureCode\":\"BIRTH_REG\",\"receivingUnit\":\"10843\","
                + "\"channel\":\"ONLINE\",\"subject\":\"Hồ sơ\",\"applicant\":{\"name\":\"An\",\"idNumber\":\"030095001234\"}}";
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length() - 1)
                .map(n -> valid.substring(0, n).getBytes(StandardCharsets.UTF_8));
        // never inside the free-text values: "{ồ sơ" is still a valid case, rightly accepted
        int subject = valid.indexOf("Hồ sơ");
        int name = valid.indexOf("\"An\"") + 1;
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, valid.length() - 1)
                .filter(n -> (n < subject || n >= subject + "Hồ sơ".length()) && (n < name || n >= name + 2))
                .flatMap(n -> Arbitraries.of('{', '}', '"', ',', ':', '[', '\\', '\u0000', 'x')
                        .map(c -> (valid.substring(0, n) + c + valid.substring(n + 1)).getBytes(StandardCharsets.UTF_8)))
                .filter(b -> !new String(b, StandardCharsets.UTF_8).equals(valid));
        Arbitrary<byte[]> badUtf8 = Arbitraries.of(new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xC3, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, '"', ':', '1', '}'});
        return Arbitraries.oneOf(truncated, flipped, badUtf8);
    }

}
