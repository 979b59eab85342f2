package vn.hoso.events;

/**
 * Thrown by {@link CaseEventLog#append} when the event's data carries a key that names personal data of an
 * applicant (see docs/events.md for the deny-list). Events are public within the province; personal data stays in
 * the case file.
 */
public class PersonalDataRejectedException extends IllegalArgumentException {

    private final String path;

    public PersonalDataRejectedException(String path) {
        super("Event data must not carry personal data of the applicant: '" + path + "' is refused");
        this.path = path;
    }

    /** Where the refused key was, e.g. {@code data.applicant}. */
    public String path() {
        return path;
    }
}
