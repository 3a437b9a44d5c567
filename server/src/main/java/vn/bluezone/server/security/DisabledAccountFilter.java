package vn.bluezone.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.OfficialDetails;

/**
 * Ends the session of an account that an administrator disabled, or whose password was changed or reset, after
 * the session began (a reset is what an administrator does when an account may be in the wrong hands): without
 * this, the session would keep working until it expires. The official's own password change refreshes their own
 * session's stamp ({@code PrincipalRefresher}), so it goes on. The request goes on as anonymous, so console pages redirect to the
 * login page (where the disabled account cannot log in) and API calls get 401. API-key requests are not concerned:
 * {@link ApiKeyAuthenticationFilter} already refuses keys of disabled accounts on every request.
 */
public class DisabledAccountFilter extends OncePerRequestFilter {
    private final AccountService accounts;

    public DisabledAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof OfficialDetails d
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                && !accounts.sessionStamp(d.official().id()).equals(java.util.Optional.ofNullable(d.sessionStamp()))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
