package vn.hoso.documents.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload refused for its content: empty, over a size limit (413), of a type the product does not take (415), or
 * cut short (400); answered as {@code application/problem+json} by Spring's problem handling. Nothing was stored.
 */
public class UploadRefused extends ErrorResponseException {

    private UploadRefused(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail,
                                         Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    static UploadRefused empty(String part) {
        return new UploadRefused(HttpStatus.BAD_REQUEST, "Empty document",
                "The file is empty: nothing was stored.", Map.of("part", part));
    }

    static UploadRefused tooLarge(long limit) {
        return new UploadRefused(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large",
                "A document may have at most " + limit + " bytes: nothing was stored.", Map.of("limit", limit));
    }

    static UploadRefused caseFull(long limit, long used) {
        return new UploadRefused(HttpStatus.PAYLOAD_TOO_LARGE, "Case file too large",
                "The documents of a case may have at most " + limit + " bytes together; the case has " + used
                        + " already: nothing was stored.", Map.of("limit", limit, "used", used));
    }

    static UploadRefused unsupported(String detail) {
        return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Document type not accepted",
                detail + " Accepted: PDF (signed or not), JPEG, PNG and digitally signed XML, judged by their content"
                        + ": nothing was stored.", Map.of());
    }

    static UploadRefused truncated(String type) {
        return new UploadRefused(HttpStatus.BAD_REQUEST, "Document incomplete",
                "The " + type + " is cut short (its end is missing): nothing was stored.", Map.of());
    }
}
