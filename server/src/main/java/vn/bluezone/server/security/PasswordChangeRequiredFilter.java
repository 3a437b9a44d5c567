package vn.bluezone.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.OfficialDetails;
import vn.bluezone.server.web.ApiPaths;
import vn.bluezone.server.web.JsonSecurityHandlers;

/**
 * An account created with a one-time password (the first administrator, accounts made by an administrator)
 * can do nothing but change it: console pages redirect to the password page, API calls get 403
 * {@code PASSWORD_CHANGE_REQUIRED}.
 */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {
    public static final String PASSWORD_PAGE = "/console/password";
    public static final String PASSWORD_API = "/api/v1/admin/me/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof OfficialDetails d && d.official().mustChangePassword()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean allowed = path.equals(PASSWORD_PAGE) || path.equals(PASSWORD_API) || path.equals("/logout")
                    || path.equals("/api/v1/admin/me") || path.startsWith("/css/") || path.equals("/error");
            if (!allowed) {
                if (ApiPaths.isApi(request)) {
                    JsonSecurityHandlers.write(response, new ApiError(
                            ErrorCode.PASSWORD_CHANGE_REQUIRED, "change your one-time password first (POST " + PASSWORD_API + ")"));
                } else {
                    response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
