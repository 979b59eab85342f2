package vn.hoso.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, before anything else reads the request, what no handler should see. Paths are the decoded, normalised
 * path the container routes on ({@link RequestPaths}), so that no other spelling of a path escapes its limit.
 * <ul>
 * <li>a path whose servlet prefix is spelled otherwise than plainly ({@code /%65ngine-rest/…},
 * {@code //engine-rest/…}, {@code /x/../engine-rest/…}, {@code /engine-rest;x=y/…}) for the servlets mapped by prefix
 * (the engine REST, the web apps' APIs): {@code 400}. The container routes it to that servlet, but Spring's request
 * path parsing, which Spring Security's matchers use, requires the raw path to start with the servlet path and fails
 * (a 500) otherwise;</li>
 * <li>a body over the limit of its path ({@code hoso.limits.api-body} for {@code /api/**} and the APIs of the
 * dashboard, the counter and the approvals page, {@code hoso.limits.engine-body} for {@code /engine-rest/**} and
 * the web apps' API): {@code 413}. A declared {@code Content-Length} over the limit is refused without reading the
 * body; a body of unknown length (chunked) is read up to the limit and refused when it goes over;</li>
 * <li>an {@code Accept} header that is no list of media types: {@code 400} (Spring MVC would otherwise answer such
 * a request's errors with an empty body, having no representation it may write).</li>
 * </ul>
 * Both as {@code application/problem+json}.
 */
class RequestGuard extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final long apiLimit;
    private final long engineLimit;
    private final long uploadLimit;

    RequestGuard(ObjectMapper objectMapper, DataSize apiLimit, DataSize engineLimit, DataSize uploadLimit) {
        this.objectMapper = objectMapper;
        this.uploadLimit = uploadLimit.toBytes();
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
        if (servletPrefixSpelledOtherwise(request)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "Bad request path",
                    "Spell the path plainly: no percent-encoded letters, dot segments, doubled slashes or path "
                            + "parameters in " + request.getServletPath() + ".");
            return;
        }
        boolean upload = isUpload(request);
        long limit = upload ? uploadLimit : limit(RequestPaths.of(request));
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
        // a document upload of unknown length streams to the multipart parser, which holds it to the same limit
        // (spring.servlet.multipart.max-request-size) without keeping it in memory
        if (length < 0 && !form && !upload && hasBody(request)) {
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

    private static boolean servletPrefixSpelledOtherwise(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() != MappingMatch.PATH) {
            return false;
        }
        String prefix = request.getContextPath() + UriUtils.encodePath(request.getServletPath(), StandardCharsets.UTF_8);
        String uri = request.getRequestURI();
        return !uri.startsWith(prefix) || (uri.length() > prefix.length() && uri.charAt(prefix.length()) != '/');
    }

    private long limit(String path) {
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/dashboard/")
                || path.equals("/dashboard") || path.startsWith("/tiep-nhan/")
                || path.startsWith("/phe-duyet/")) {
            return apiLimit;
        }
        if (path.startsWith("/engine-rest") || path.startsWith("/camunda/api/")) {
            return engineLimit;
        }
        return -1;
    }

    /**
     * A multipart POST to where documents are uploaded: {@code /api/cases}, {@code /api/cases/{id}/documents} and the
     * counter's {@code /tiep-nhan/api/cases/{id}/documents}.
     */
    private static boolean isUpload(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            return false;
        }
        String path = RequestPaths.of(request);
        return path.equals("/api/cases") || UPLOAD_PATH.matcher(path).matches();
    }

    private static final java.util.regex.Pattern UPLOAD_PATH =
            java.util.regex.Pattern.compile("(/api|/tiep-nhan/api)/cases/[^/]+/documents");

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                        String detail) throws IOException {
        ProblemResponse.write(objectMapper, request, response, status, title, detail);
    }
}
