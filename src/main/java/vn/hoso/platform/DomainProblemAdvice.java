package vn.hoso.platform;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one mapping of the product's {@link DomainProblem}s to {@code application/problem+json}, as Spring MVC answers
 * its own errors: {@code type} {@code about:blank}, the status, title and detail, {@code instance} the request's path
 * (set by Spring MVC for a problem body without one), then the extension properties. It handles nothing else: Spring's
 * own exceptions (and an {@code ErrorResponseException} a module still throws) stay with Spring Boot's problem-details
 * handler, and errors before MVC (filters) are written with {@link ProblemResponse}.
 */
@RestControllerAdvice
class DomainProblemAdvice {

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> answer(DomainProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        if (problem.title() != null) {
            body.setTitle(problem.title());
        }
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }
}
