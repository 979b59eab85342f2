package vn.hoso.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is down, a request is answered {@code 503} problem+json with {@code Retry-After}, not {@code 500}:
 * at once when a probe has just found the database down, otherwise when the request fails and the failure (or, for
 * the engine REST APIs, whose own handlers turn every engine exception into a 500 body, a probe made then) says the
 * database is unreachable. A 500 for any other reason is passed on unchanged. The health probes are never held.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String DETAIL = "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau. "
            + "The database is briefly unavailable; please try again shortly.";

    private final DatabaseProbe probe;
    private final ObjectMapper objectMapper;
    private final long retryAfterSeconds;

    DatabaseOutageFilter(DatabaseProbe probe, ObjectMapper objectMapper, long retryAfterSeconds) {
        this.probe = probe;
        this.objectMapper = objectMapper;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MaintenanceGate.isHealthProbe(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (probe.knownDown()) {
            refuse(request, response);
            return;
        }
        HeldServerError held = new HeldServerError(response);
        try {
            chain.doFilter(request, held);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!response.isCommitted() && (DatabaseUnavailable.causedBy(e) || !probe.reachableAfterFailure())) {
                response.resetBuffer();
                refuse(request, response);
                return;
            }
            throw e;
        }
        if (held.holding) {
            if (!probe.reachableAfterFailure()) {
                refuse(request, response);
            } else {
                held.release();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemResponse.write(objectMapper, request, response, HttpStatus.SERVICE_UNAVAILABLE, null, DETAIL);
    }

    /**
     * Keeps a 500 (status, length and body) back from the client until the filter knows whether the database caused
     * it; everything else goes straight through.
     */
    private static final class HeldServerError extends HttpServletResponseWrapper {

        private boolean holding;
        private String errorMessage;
        private boolean sentError;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldServerError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            if (sc == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                holding = true;
            } else {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                holding = true;
                sentError = true;
                errorMessage = msg;
            } else {
                super.sendError(sc, msg);
            }
        }

        @Override
        public int getStatus() {
            return holding ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : super.getStatus();
        }

        @Override
        public void setContentLength(int len) {
            if (!holding) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!holding) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(holding && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(holding && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holding) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("held 500 bodies are written blocking");
                    }

                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holding) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding) {
                super.flushBuffer();
            }
        }

        /** The database is fine: the 500 goes out as it was written. */
        void release() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (sentError) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, errorMessage);
                return;
            }
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentLength(body.size());
            body.writeTo(response.getOutputStream());
        }
    }
}
