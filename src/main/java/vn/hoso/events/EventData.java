package vn.hoso.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code data} map of a {@link NewCaseEvent} into the JSON tree that is hashed, stored and published,
 * refusing personal data of applicants and values without a canonical JSON form.
 */
final class EventData {

    /** Business times in events: instant truncated to milliseconds, at the business zone's offset. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);

    /**
     * Keys that name personal data of an applicant: refused at any depth of {@code data}. Compared after removing
     * everything but letters and digits and lower-casing ({@code id_number}, {@code ID-Number} → {@code idnumber}).
     */
    static final Set<String> DENIED_KEYS = Set.of(
            "applicant", "applicants", "applicantname", "applicantid", "name", "fullname", "firstname", "lastname",
            "idnumber", "citizenid", "nationalid", "cccd", "cmnd", "passport", "passportnumber",
            "phone", "phonenumber", "email", "address", "dateofbirth", "birthdate", "dob");

    /**
     * The shape of the fields that name a unit, a tier or a value of a closed list, wherever they appear in
     * {@code data}: an event is built from the product's own records, so a value of another shape can only be free
     * text that found its way in (an identity number in a unit field, say) and is refused.
     */
    private static final Pattern TIER_PATTERN = Pattern.compile("PROVINCE|DISTRICT|COMMUNE");

    static final Map<String, Pattern> FIELD_SHAPES = Map.ofEntries(
            Map.entry("unitCode", CaseEventLog.UNIT_CODE), Map.entry("fromUnit", CaseEventLog.UNIT_CODE),
            Map.entry("toUnit", CaseEventLog.UNIT_CODE), Map.entry("receivingUnit", CaseEventLog.UNIT_CODE),
            Map.entry("tier", TIER_PATTERN), Map.entry("fromTier", TIER_PATTERN),
            Map.entry("toTier", TIER_PATTERN), Map.entry("receivingTier", TIER_PATTERN),
            Map.entry("kind", Pattern.compile("PROCEDURE|WORK")),
            Map.entry("channel", Pattern.compile("ONLINE|IN_PERSON|POST")),
            Map.entry("mode", Pattern.compile("ELECTRONIC|PAPER")),
            Map.entry("timeliness", Pattern.compile("EARLY|ON_TIME|LATE")),
            Map.entry("outcome", Pattern.compile("[A-Z][A-Z_]{0,29}")),
            Map.entry("step", Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,59}")),
            Map.entry("actor", Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}")),
            // vn.hoso.document.attached: an object's content address, a component code, a stage, a media type
            Map.entry("sha256", Pattern.compile("[0-9a-f]{64}")),
            Map.entry("component", Pattern.compile("[A-Z][A-Z0-9_]{0,29}")),
            Map.entry("stage", Pattern.compile("RECEPTION|PROCESSING|RESULT")),
            Map.entry("mediaType", Pattern.compile("[a-z]+/[a-z0-9.+-]{1,60}")));

    /** Largest canonical {@code data} accepted (keeps every record far below Kafka's default 1 MiB limit). */
    static final int MAX_DATA_CHARS = 64 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ZoneId zone;

    EventData(ZoneId zone) {
        this.zone = zone;
    }

    static String normalizedKey(String key) {
        StringBuilder b = new StringBuilder(key.length());
        key.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    String time(OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(zone).truncatedTo(ChronoUnit.MILLIS));
    }

    ObjectNode tree(Map<String, Object> data) {
        ObjectNode node = NODES.objectNode();
        if (data == null) {
            return node;
        }
        for (Map.Entry<String, Object> e : data.entrySet()) {
            node.set(key(e.getKey(), "data"), value(e.getValue(), "data." + e.getKey()));
        }
        checkShapes(node, "data");
        return node;
    }

    private static void checkShapes(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkShapes(node.get(i), path + "[" + i + "]");
            }
        }
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            Pattern shape = FIELD_SHAPES.get(e.getKey());
            JsonNode value = e.getValue();
            if (shape != null && !value.isNull()
                    && !(value.isTextual() && shape.matcher(value.textValue()).matches())) {
                throw new IllegalArgumentException(path + "." + e.getKey() + " must match " + shape.pattern()
                        + "; event data is built from the product's records, not from free text");
            }
            checkShapes(value, path + "." + e.getKey());
        });
    }

    private String key(Object key, String path) {
        if (!(key instanceof String k)) {
            throw new IllegalArgumentException(path + ": keys must be strings, not " + key);
        }
        if (DENIED_KEYS.contains(normalizedKey(k))) {
            throw new PersonalDataRejectedException(path + "." + k);
        }
        checkText(k, path);
        return k;
    }

    private JsonNode value(Object v, String path) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof JsonNode json) {
            return json(json, path);
        }
        if (v instanceof CharSequence || v instanceof UUID || v instanceof Character) {
            return NODES.textNode(checkText(v.toString(), path));
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Number n) {
            return NODES.numberNode(integer(n, path));
        }
        if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (v instanceof LocalDate d) {
            return NODES.textNode(d.toString());
        }
        if (v instanceof OffsetDateTime t) {
            return NODES.textNode(time(t));
        }
        if (v instanceof ZonedDateTime t) {
            return NODES.textNode(time(t.toOffsetDateTime()));
        }
        if (v instanceof Instant t) {
            return NODES.textNode(time(t.atZone(zone).toOffsetDateTime()));
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                node.set(key(e.getKey(), path), value(e.getValue(), path + "." + e.getKey()));
            }
            return node;
        }
        if (v instanceof Collection<?> list) {
            ArrayNode node = NODES.arrayNode();
            int i = 0;
            for (Object item : list) {
                node.add(value(item, path + "[" + i++ + "]"));
            }
            return node;
        }
        if (v instanceof Object[] array) {
            ArrayNode node = NODES.arrayNode();
            for (int i = 0; i < array.length; i++) {
                node.add(value(array[i], path + "[" + i + "]"));
            }
            return node;
        }
        throw new IllegalArgumentException(path + ": values of type " + v.getClass().getName()
                + " are not allowed in event data (use strings, integers, booleans, dates, times, lists and maps)");
    }

    private JsonNode json(JsonNode json, String path) {
        if (json.isObject()) {
            ObjectNode node = NODES.objectNode();
            json.fields().forEachRemaining(e -> node.set(key(e.getKey(), path), json(e.getValue(), path + "." + e.getKey())));
            return node;
        }
        if (json.isArray()) {
            ArrayNode node = NODES.arrayNode();
            for (int i = 0; i < json.size(); i++) {
                node.add(json(json.get(i), path + "[" + i + "]"));
            }
            return node;
        }
        if (json.isTextual()) {
            return NODES.textNode(checkText(json.textValue(), path));
        }
        if (json.isNumber()) {
            return NODES.numberNode(integer(json.numberValue(), path));
        }
        if (json.isBoolean() || json.isNull()) {
            return json;
        }
        throw new IllegalArgumentException(path + ": " + json.getNodeType() + " is not allowed in event data");
    }

    private static long integer(Number n, String path) {
        BigDecimal value;
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof java.util.concurrent.atomic.AtomicLong || n instanceof java.util.concurrent.atomic.AtomicInteger) {
            value = BigDecimal.valueOf(n.longValue());
        } else if (n instanceof BigInteger b) {
            value = new BigDecimal(b);
        } else if (n instanceof BigDecimal b) {
            value = b;
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": " + d + " is not a JSON number");
            }
            value = BigDecimal.valueOf(d);
        } else {
            throw new IllegalArgumentException(path + ": numbers of type " + n.getClass().getName() + " are not allowed");
        }
        BigInteger integral;
        try {
            integral = value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(path + ": " + value.toPlainString()
                    + " is not an integer; event data admits only integers (write decimals as strings)");
        }
        if (integral.abs().compareTo(BigInteger.valueOf(CanonicalJson.MAX_SAFE_INTEGER)) > 0) {
            throw new IllegalArgumentException(path + ": " + integral + " is beyond +/-(2^53-1)");
        }
        return integral.longValue();
    }

    /** PostgreSQL's jsonb refuses U+0000 and JSON needs well-formed UTF-16. */
    private static String checkText(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(path + ": strings must not contain U+0000");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(path + ": string contains an unpaired surrogate");
            }
        }
        return s;
    }
}
