package vn.bluezone.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bluezone.server.audit.AuditLog;

/**
 * Refuses a console login attempt while {@link LoginThrottle} says to wait: back to {@code /login?throttled} with
 * {@code Retry-After}, the password not even checked, and the refusal audited ({@code login.throttled}).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginThrottleFilter(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String username = req.getParameter("username");
        long wait = throttle.waitSeconds(username, req.getRemoteAddr());
        if (wait > 0) {
            audit.record(LoginAudit.actor(username), "login.throttled", null,
                    "address=" + req.getRemoteAddr() + " wait=" + wait + "s");
            res.setHeader("Retry-After", String.valueOf(wait));
            res.sendRedirect(req.getContextPath() + "/login?throttled=" + wait);
            return;
        }
        chain.doFilter(req, res);
    }
}
