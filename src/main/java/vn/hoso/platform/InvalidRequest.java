package vn.hoso.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 400: the request itself is wrong (a malformed parameter, invalid fields); nothing was changed. */
public class InvalidRequest extends DomainProblem {

    /** One bad field of a request body and what is wrong with it; answered in the problem's {@code errors} list. */
    public record FieldError(String field, String message) {
    }

    /** @param title null for "Bad Request" */
    public InvalidRequest(String title, String detail) {
        super(title, detail);
    }

    /** With the list of bad fields as the problem's {@code errors} property. */
    public InvalidRequest(String title, String detail, List<FieldError> errors) {
        super(title, detail);
        with("errors", List.copyOf(errors));
    }

    @Override
    final HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
