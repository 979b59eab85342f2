package vn.hoso.cases;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 application/problem+json naming each bad field. */
class InvalidCaseRequest extends ErrorResponseException {

    InvalidCaseRequest(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The case was not received: " + errors.size() + " field(s) are invalid.");
        p.setTitle("Invalid case file");
        p.setProperty("errors", errors);
        return p;
    }
}
