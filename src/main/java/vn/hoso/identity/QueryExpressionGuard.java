package vn.hoso.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.CachedBodyRequest;

/**
 * Refuses expressions in engine queries before the engine sees them. The engine's own switch
 * ({@code enableExpressionsInAdhocQueries=false}) does not cover the {@code orQueries} of a task query, which
 * Camunda 7 CE still evaluates (an unfixed expression-injection hole), so every query parameter or JSON key
 * ending in "Expression" is refused on the engine REST API and on the web apps' engine API.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final Pattern EXPRESSION_KEY = Pattern.compile("\"[A-Za-z]*Expression\"\\s*:");
    private static final int MAX_INSPECTED_BODY = 1 << 20;

    private final ObjectMapper objectMapper;

    QueryExpressionGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (name.endsWith("Expression")) {
                refuse(request, response, "Query parameter '" + name + "' is an expression; expressions are not allowed in queries.");
                return;
            }
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        if (body.length > MAX_INSPECTED_BODY) {
            refuse(request, response, "JSON body too large.");
            return;
        }
        if (EXPRESSION_KEY.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
            refuse(request, response, "The query contains an expression field; expressions are not allowed in queries.");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Expressions are not allowed");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
