package vn.hoso.rollup.web;

import java.util.List;
import java.util.Map;

import vn.hoso.platform.Conflict;
import vn.hoso.platform.DomainProblem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;

/** The rollup API's refusals, as the platform's domain problems (answered as application/problem+json). */
final class RollupProblem {

    private RollupProblem() {
    }

    /** 400 naming the parameter ({@code errors: [{parameter, message}]}). */
    static DomainProblem badParameter(String parameter, String detail) {
        return new InvalidRequest("Bad parameter", parameter + ": " + detail)
                .with("errors", List.of(Map.of("parameter", parameter, "message", detail)));
    }

    static DomainProblem forbidden(String detail) {
        return new Forbidden("Forbidden", detail);
    }

    static DomainProblem conflict(String detail) {
        return new Conflict("Conflict", detail);
    }
}
