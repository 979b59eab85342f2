package vn.hoso.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** An {@code application/problem+json} answer written by a servlet filter or handler, where Spring MVC's does not run. */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    /** @param title null for the status's reason phrase */
    public static void write(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (title != null) {
            problem.setTitle(title);
        }
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** The decoded path, quoted back into a URI: the raw one may be no valid URI (a 500 instead of the answer). */
    private static URI instance(HttpServletRequest request) {
        try {
            return new URI(null, null, RequestPaths.of(request), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
