package vn.hoso.platform;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the state of the data; nothing was changed. */
public class Conflict extends DomainProblem {

    /** @param title null for "Conflict" */
    public Conflict(String title, String detail) {
        super(title, detail);
    }

    @Override
    final HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
