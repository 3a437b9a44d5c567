package vn.bluezone.server.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are API calls (answered in JSON) rather than console pages (answered in HTML). */
public final class ApiPaths {
    public static final String API_PREFIX = "/api/";
    public static final String ADMIN_PREFIX = "/api/v1/admin/";

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(API_PREFIX) || path.equals("/api");
    }
}
