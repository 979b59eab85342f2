package vn.hoso.identity;

import jakarta.servlet.http.HttpServletRequest;

/** The decoded path a request is routed on (servlet path + path info), as every guard must read it. */
final class RequestPath {

    private RequestPath() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }
}
