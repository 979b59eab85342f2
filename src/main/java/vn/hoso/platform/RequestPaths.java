package vn.hoso.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one path every guard decides on: the request's path as the servlet container routes it, that is decoded
 * ({@code /%61pi} is {@code /api}), normalised ({@code //}, {@code /./}, {@code /x/../} resolved), without path
 * parameters ({@code ;jsessionid=…}) and without the context path. {@link HttpServletRequest#getRequestURI()} is the
 * raw spelling the client sent: a guard that matched on it would let another spelling of a guarded path through to
 * the handler that the container routes it to.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The decoded, normalised path within the application: servlet path plus path info; never empty. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
