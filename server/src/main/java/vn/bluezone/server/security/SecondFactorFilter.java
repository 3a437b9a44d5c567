package vn.bluezone.server.security;

import vn.bluezone.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bluezone.server.accounts.OfficialDetails;
import vn.bluezone.server.accounts.SecondFactor;
import vn.bluezone.api.ApiError;
import vn.bluezone.server.web.ApiPaths;
import vn.bluezone.server.web.JsonSecurityHandlers;

/**
 * After the password, the code: a session of an official who uses a second factor (or whose role requires one)
 * reaches nothing but the code page ({@code /console/totp}, or its setup page when the role requires one and none
 * is set up) until a code matched. API calls in such a session get 403 {@code SECOND_FACTOR_REQUIRED}. API keys
 * are a separate credential and are not affected.
 */
public class SecondFactorFilter extends OncePerRequestFilter {
    public static final String CODE_PAGE = "/console/totp";
    public static final String SETUP_PAGE = "/console/totp/setup";

    private final SecondFactor secondFactor;

    public SecondFactorFilter(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (a != null && a.getPrincipal() instanceof OfficialDetails d && session != null
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                && !Long.valueOf(d.official().id()).equals(session.getAttribute(SecondFactor.SESSION_ATTRIBUTE))
                && secondFactor.applies(d.official())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean allowed = path.equals(CODE_PAGE) || path.equals(SETUP_PAGE) || path.equals("/logout")
                    || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
            if (!allowed) {
                if (ApiPaths.isApi(request)) {
                    JsonSecurityHandlers.write(response, new ApiError(
                            ErrorCode.SECOND_FACTOR_REQUIRED, "enter the code of your authenticator app at " + CODE_PAGE));
                } else {
                    boolean enrolled = secondFactor.enabled(d.official().id());
                    response.sendRedirect(request.getContextPath() + (enrolled ? CODE_PAGE : SETUP_PAGE));
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
