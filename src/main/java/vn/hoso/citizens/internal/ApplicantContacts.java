package vn.hoso.citizens.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoso.platform.InvalidRequest.FieldError;

/**
 * The applicant's contact (table {@code citizen_contact}): an e-mail address and a Vietnamese phone number, both
 * optional, given at intake as {@code applicant.email} and {@code applicant.phone}. Personal data: it never leaves
 * this table but to send the applicant's messages.
 */
@Component
public class ApplicantContacts {

    // RFC 5321/5322 in the form people use: local part of atext and dots, a domain of LDH labels with a dot
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    // national number: 0 or +84/84, then 9 digits (mobile: 3, 5, 7, 8, 9 …) or 10 digits (landline 2xx)
    private static final Pattern PHONE = Pattern.compile("(?:\\+84|84|0)((?:[35789]\\d{8})|(?:2\\d{9}))");

    /** An applicant's contact, either part possibly null. */
    public record Contact(String email, String phone) {
    }

    private final JdbcTemplate jdbc;

    ApplicantContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads and checks {@code applicant.email} and {@code applicant.phone}; null fields when absent or bad. */
    static Contact read(JsonNode applicant, List<FieldError> errors) {
        if (applicant == null || !applicant.isObject()) {
            return new Contact(null, null);
        }
        String email = text(applicant, "email", 254, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("applicant.email", "Not an e-mail address (e.g. ten@example.vn)."));
            email = null;
        }
        String phone = text(applicant, "phone", 20, errors);
        if (phone != null) {
            phone = normalizePhone(phone);
            if (phone == null) {
                errors.add(new FieldError("applicant.phone",
                        "Not a Vietnamese phone number (e.g. 0912345678 or +84912345678)."));
            }
        }
        return new Contact(email, phone);
    }

    /** A Vietnamese phone number in E.164 ({@code +84…}), or null when it is none. */
    static String normalizePhone(String phone) {
        String digits = phone.replaceAll("[\\s.()-]", "");
        var m = PHONE.matcher(digits);
        return m.matches() ? "+84" + m.group(1) : null;
    }

    private static String text(JsonNode applicant, String field, int max, List<FieldError> errors) {
        JsonNode node = applicant.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String path = "applicant." + field;
        if (!node.isTextual()) {
            errors.add(new FieldError(path, "Must be a string."));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(path, "At most " + max + " characters."));
            return null;
        }
        return value;
    }

    void store(UUID caseId, Contact contact) {
        if (contact.email() == null && contact.phone() == null) {
            return;
        }
        jdbc.update("insert into citizen_contact (case_id, email, phone) values (?, ?, ?)", caseId, contact.email(),
                contact.phone());
    }

    /** The case's applicant contact, if one was given. */
    public Optional<Contact> of(UUID caseId) {
        return jdbc.query("select email, phone from citizen_contact where case_id = ?",
                (rs, i) -> new Contact(rs.getString(1), rs.getString(2)), caseId).stream().findFirst();
    }
}
