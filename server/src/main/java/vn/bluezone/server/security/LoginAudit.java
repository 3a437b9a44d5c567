package vn.bluezone.server.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import vn.bluezone.server.audit.AuditLog;

/**
 * Every failed console login is audited ({@code login.failure}: the name typed, the address, the reason) and
 * counted by {@link LoginThrottle}; a success clears the account's count. Only form logins (the events carry web
 * details); API keys are long random secrets and are not guessed this way.
 */
@Component
public class LoginAudit {
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public LoginAudit(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent e) {
        if (!(e.getAuthentication().getDetails() instanceof WebAuthenticationDetails web)) {
            return;
        }
        String username = e.getAuthentication().getName();
        int n = throttle.failed(username, web.getRemoteAddress());
        audit.record(actor(username), "login.failure", null, "address=" + web.getRemoteAddress() + " failures=" + n
                + " reason=" + e.getException().getClass().getSimpleName());
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent e) {
        if (e.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            throttle.succeeded(e.getAuthentication().getName());
        }
    }

    /** The name as typed, without control characters, cut to 64 characters (the audit's actor column). */
    static String actor(String username) {
        String u = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?").strip();
        return u.length() > 64 ? u.substring(0, 64) : u;
    }
}
