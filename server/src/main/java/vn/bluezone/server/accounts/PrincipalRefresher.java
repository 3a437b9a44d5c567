package vn.bluezone.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Reloads the logged-in official into the session after their account changed (e.g. password changed). */
@Component
public class PrincipalRefresher {
    private final AccountService accounts;
    private final SecurityContextRepository contexts;

    public PrincipalRefresher(AccountService accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    public void refresh(String username, HttpServletRequest req, HttpServletResponse res) {
        OfficialDetails fresh = (OfficialDetails) accounts.loadUserByUsername(username);
        fresh.eraseCredentials();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        if (req.getHeader("X-Api-Key") == null) {
            contexts.saveContext(ctx, req, res);
        }
    }
}
