package vn.hoso.identity;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.CachedBodyRequest;
import vn.hoso.platform.ProblemResponse;

/**
 * Refuses expressions in engine queries before the engine sees them. The engine's own switch
 * ({@code enableExpressionsInAdhocQueries=false}) does not cover the {@code orQueries} of a task query, which
 * Camunda 7 CE still evaluates (an unfixed expression-injection hole), so every query parameter or JSON key
 * ending in "Expression" (any case) is refused on the engine REST API and on the web apps' engine API. JSON keys are
 * read as the engine's JSON parser reads them, escapes decoded ({@code "assignee\u0045xpression"} is
 * {@code assigneeExpression}); a body announced as JSON that does not parse is refused too, so that no parser
 * leniency can smuggle a key past this check.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 1 << 20;

    private final ObjectMapper objectMapper;

    QueryExpressionGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (isExpression(name)) {
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
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "JSON body too large",
                    "A JSON body here has at most " + MAX_INSPECTED_BODY + " bytes.");
            return;
        }
        if (body.length > 0) {
            String key;
            try {
                key = expressionKey(body);
            } catch (IOException malformed) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON.");
                return;
            }
            if (key != null) {
                refuse(request, response, "The query contains the expression field '" + key
                        + "'; expressions are not allowed in queries.");
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The first field name, at any depth, that names an expression; null when there is none. */
    private String expressionKey(byte[] body) throws IOException {
        try (JsonParser parser = objectMapper.getFactory().createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && isExpression(parser.currentName())) {
                    return parser.currentName();
                }
            }
            return null;
        }
    }

    private static boolean isExpression(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).endsWith("expression");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        refuse(request, response, HttpStatus.BAD_REQUEST, "Expressions are not allowed", detail);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                        String detail) throws IOException {
        ProblemResponse.write(objectMapper, request, response, status, title, detail);
    }
}
