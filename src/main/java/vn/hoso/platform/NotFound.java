package vn.hoso.platform;

import org.springframework.http.HttpStatus;

/** 404: the thing asked for does not exist (for the date asked, where that matters). */
public class NotFound extends DomainProblem {

    /** @param title null for "Not Found" */
    public NotFound(String title, String detail) {
        super(title, detail);
    }

    @Override
    final HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
