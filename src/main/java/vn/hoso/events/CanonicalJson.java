package vn.hoso.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The canonical JSON of the hash chain: RFC 8785 (JSON Canonicalization Scheme) restricted to the values the log
 * admits, so that an auditor can recompute every hash with any JCS implementation, or by hand:
 * <ul>
 * <li>no whitespace outside strings;</li>
 * <li>object members sorted by key, comparing the keys as sequences of UTF-16 code units;</li>
 * <li>strings in UTF-8, escaping only {@code "} as {@code \"}, {@code \} as {@code \\}, and U+0000..U+001F as
 * {@code \b \t \n \f \r} or else backslash-u-00xx (lower-case hex); everything else literally;</li>
 * <li>numbers: only integers with magnitude at most 2^53-1, written in plain decimal ({@code -} sign, no leading
 * zeros, no fraction, no exponent); other numbers are refused (write decimals as strings);</li>
 * <li>{@code true}, {@code false}, {@code null}.</li>
 * </ul>
 */
final class CanonicalJson {

    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    static final String ZERO_HASH = "0".repeat(64);

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        write(node, out, JsonPath.ROOT);
        return out.toString();
    }

    /** {@code sha256_hex(prevHash + canonicalJson)}, lower-case hex of the SHA-256 of the UTF-8 bytes. */
    static String chainHash(String prevHash, String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Where a value sits, for error messages only: built into a string only when one is thrown. */
    private record JsonPath(JsonPath parent, String key, int index) {
        static final JsonPath ROOT = new JsonPath(null, null, -1);

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return parent + (key != null ? "." + key : "[" + index + "]");
        }
    }

    private static void write(JsonNode node, StringBuilder out, JsonPath path) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null); // String.compareTo: UTF-16 code unit order, as RFC 8785 requires
                out.append('{');
                boolean first = true;
                for (String key : keys) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(key, out, path);
                    out.append(':');
                    write(node.get(key), out, new JsonPath(path, key, -1));
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out, new JsonPath(path, null, i));
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out, path);
            case NUMBER -> out.append(integer(node, path));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException(path + ": " + node.getNodeType() + " has no canonical JSON form");
        }
    }

    private static long integer(JsonNode number, JsonPath path) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return safe(number.longValue(), path);
        }
        BigDecimal value = number.decimalValue();
        try {
            BigInteger integral = value.toBigIntegerExact();
            if (integral.bitLength() < 63) {
                return safe(integral.longValue(), path);
            }
        } catch (ArithmeticException notIntegral) {
            throw new IllegalArgumentException(path + ": " + number + " is not an integer; write decimals as strings");
        }
        throw new IllegalArgumentException(path + ": " + number + " is beyond +/-(2^53-1)");
    }

    private static long safe(long value, JsonPath path) {
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException(path + ": " + value + " is beyond +/-(2^53-1)");
        }
        return value;
    }

    /** Whether the string needs no escaping and has no surrogates (most keys and values): appended as it is. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static void writeString(String s, StringBuilder out, Object path) {
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException(path + ": string contains an unpaired surrogate");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException(path + ": string contains an unpaired surrogate");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
