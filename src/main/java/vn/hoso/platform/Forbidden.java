package vn.hoso.platform;

import org.springframework.http.HttpStatus;

/** 403: the caller may not do or see this. */
public class Forbidden extends DomainProblem {

    /** @param title null for "Forbidden" */
    public Forbidden(String title, String detail) {
        super(title, detail);
    }

    @Override
    final HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
