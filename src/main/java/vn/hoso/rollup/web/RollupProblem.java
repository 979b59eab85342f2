package vn.hoso.rollup.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Errors of the rollup API, answered as application/problem+json. */
final class RollupProblem extends ErrorResponseException {

    private RollupProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, Object> props) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        props.forEach(p::setProperty);
        return p;
    }

    static RollupProblem badParameter(String parameter, String detail) {
        return new RollupProblem(HttpStatus.BAD_REQUEST, "Bad parameter", parameter + ": " + detail,
                Map.of("errors", List.of(Map.of("parameter", parameter, "message", detail))));
    }

    static RollupProblem forbidden(String detail) {
        return new RollupProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    static RollupProblem conflict(String detail) {
        return new RollupProblem(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
    }
}
