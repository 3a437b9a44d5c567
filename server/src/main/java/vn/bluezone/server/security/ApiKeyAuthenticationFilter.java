package vn.bluezone.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.OfficialDetails;
import vn.bluezone.server.web.JsonSecurityHandlers;

/**
 * Authenticates officials' API calls that carry {@code X-Api-Key}. The authentication lives for this request
 * only (never stored in a session). A wrong, revoked or disabled key is answered 401 at once rather than
 * falling back to anonymous access, so scripts see their mistake.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Api-Key";
    private final ApiKeyService keys;

    public ApiKeyAuthenticationFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<OfficialDetails> details = keys.authenticate(presented.trim());
        if (details.isEmpty()) {
            JsonSecurityHandlers.write(response, new ApiError(ErrorCode.INVALID_API_KEY, "the API key is unknown, revoked or its account is disabled"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details.get(), null,
                details.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
