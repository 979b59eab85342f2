package vn.hoso.citizens.internal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import vn.hoso.citizens.CitizensProperties;

/**
 * The lookup PINs of procedure dossiers: 8 random characters from an alphabet without look-alikes (0/O, 1/I), 40
 * bits, shown as {@code ABCD-EFGH}; stored only as a bcrypt hash (table {@code citizen_lookup}), so that neither the
 * database nor its backups can tell a case's PIN. A PIN is checked case-insensitively, spaces and dashes ignored.
 */
@Component
public class LookupPins {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    /** Checked against when there is no case or the PIN is malformed, so every answer costs one bcrypt check. */
    private final String decoy;

    LookupPins(CitizensProperties properties, JdbcTemplate jdbc) {
        this.encoder = new BCryptPasswordEncoder(properties.pinHashStrength(), random);
        this.jdbc = jdbc;
        this.decoy = encoder.encode(newPin());
    }

    /** A case's lookup entry: its id and code. */
    public record Entry(UUID caseId, String code) {
    }

    /** Gives the case a new PIN (replacing any earlier one) and returns it, formatted: the only time it is seen. */
    public String issue(UUID caseId, String code, OffsetDateTime at) {
        String pin = newPin();
        jdbc.update("""
                insert into citizen_lookup (case_id, code, pin_hash, issued_at) values (?, ?, ?, ?)
                on conflict (case_id) do update set pin_hash = excluded.pin_hash, issued_at = excluded.issued_at""",
                caseId, code, encoder.encode(pin), at);
        return format(pin);
    }

    /** The case with this code when {@code pin} is its PIN; empty for an unknown code and a wrong PIN alike. */
    public Optional<Entry> find(String code, String pin) {
        String normalized = normalize(pin);
        List<String[]> rows = code == null || code.length() > 40 ? List.of() : jdbc.query(
                "select case_id, code, pin_hash from citizen_lookup where code = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, code);
        String hash = rows.isEmpty() ? decoy : rows.get(0)[2];
        boolean matches = encoder.matches(normalized == null ? "" : normalized, hash);
        if (rows.isEmpty() || normalized == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(new Entry(UUID.fromString(rows.get(0)[0]), rows.get(0)[1]));
    }

    /** Whether {@code pin} is the case's current PIN. */
    public boolean matches(UUID caseId, String pin) {
        String normalized = normalize(pin);
        List<String> hashes = jdbc.queryForList("select pin_hash from citizen_lookup where case_id = ?", String.class,
                caseId);
        return normalized != null && !hashes.isEmpty() && encoder.matches(normalized, hashes.get(0));
    }

    private String newPin() {
        StringBuilder pin = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            pin.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return pin.toString();
    }

    static String format(String pin) {
        return pin.substring(0, 4) + "-" + pin.substring(4);
    }

    /** The PIN as stored (upper case, no spaces or dashes), or null when it cannot be a PIN. */
    static String normalize(String pin) {
        if (pin == null || pin.length() > 40) {
            return null;
        }
        String s = pin.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }
}
