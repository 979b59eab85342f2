package vn.hoso.platform;

import org.springframework.http.HttpStatus;

/** 401: the caller is not authenticated. */
public class NotAuthenticated extends DomainProblem {

    /** @param title null for "Unauthorized" */
    public NotAuthenticated(String title, String detail) {
        super(title, detail);
    }

    @Override
    final HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }
}
