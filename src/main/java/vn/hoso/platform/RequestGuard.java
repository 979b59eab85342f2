package vn.hoso.platform;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads the request, what no handler should see:
 * <ul>
 * <li>a body over the limit of its path ({@code hoso.limits.api-body} for {@code /api/**} and the dashboard API,
 * {@code hoso.limits.engine-body} for {@code /engine-rest/**} and the web apps' API): {@code 413}. A declared
 * {@code Content-Length} over the limit is refused without reading the body; a body of unknown length (chunked)
 * is read up to the limit and refused when it goes over;</li>
 * <li>an {@code Accept} header that is no list of media types: {@code 400} (Spring MVC would otherwise answer such
 * a request's errors with an empty body, having no representation it may write).</li>
 * </ul>
 * Both as {@code application/problem+json}.
 */
class RequestGuard extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final long apiLimit;
    private final long engineLimit;

    RequestGuard(ObjectMapper objectMapper, DataSize apiLimit, DataSize engineLimit) {
        this.objectMapper = objectMapper;
        this.apiLimit = apiLimit.toBytes();
        this.engineLimit = engineLimit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank()) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (IllegalArgumentException e) { // InvalidMediaTypeException
                refuse(request, response, HttpStatus.BAD_REQUEST, "Bad Accept header",
                        "The Accept header is not a list of media types.");
                return;
            }
        }
        long limit = limit(request.getRequestURI());
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "The body has " + length + " bytes; at most " + limit + " are accepted here.");
            return;
        }
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
        if (length < 0 && !form && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                        "The body is over the " + limit + " bytes accepted here.");
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limit(String uri) {
        if (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/dashboard/")) {
            return apiLimit;
        }
        if (uri.startsWith("/engine-rest") || uri.startsWith("/camunda/api/")) {
            return engineLimit;
        }
        return -1;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                        String detail) throws IOException {
        ProblemResponse.write(objectMapper, request, response, status, title, detail);
    }
}
