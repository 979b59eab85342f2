package vn.hoso.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the product refuses for a reason of its own domain (an unknown case, a caller without the right, a bad
 * field, a conflicting state). Services throw one of its kinds — {@link InvalidRequest}, {@link NotAuthenticated},
 * {@link Forbidden}, {@link NotFound}, {@link Conflict} — and {@code DomainProblemAdvice} answers it as
 * {@code application/problem+json}: the kind's status, the title (null: the status's reason phrase), the detail (the
 * message) and the extension properties added with {@link #with}. The set of kinds is closed (each kind names its
 * status here); a module may extend a kind.
 */
public abstract class DomainProblem extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    DomainProblem(String title, String detail) {
        super(detail);
        this.title = title;
    }

    /** The HTTP status of this kind of problem. */
    abstract HttpStatus status();

    /** The problem's short title; null for the status's reason phrase. */
    public String title() {
        return title;
    }

    /** The problem's explanation for the caller. */
    public String detail() {
        return getMessage();
    }

    /** Adds an extension property of the answer (e.g. {@code caseId}, {@code errors}); returns this problem. */
    public DomainProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extension properties, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
