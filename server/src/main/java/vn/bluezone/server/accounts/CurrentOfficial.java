package vn.bluezone.server.accounts;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/** The official behind the current request, whether they came with a console session or an API key. */
@Component
public class CurrentOfficial {

    public Optional<Official> get() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof OfficialDetails d) {
            return Optional.of(d.official());
        }
        return Optional.empty();
    }

    /** The current official, or a 401 API error. */
    public Official require() {
        return get().orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED, "authentication required"));
    }

    /** The current official if they hold one of {@code roles}, else a 403 API error. */
    public Official requireRole(Role... roles) {
        Official o = require();
        for (Role r : roles) {
            if (o.role() == r) {
                return o;
            }
        }
        throw new DomainException(ErrorCode.FORBIDDEN, "your role " + o.role() + " may not do this");
    }

    /** Username for audit records; "system" outside a request. */
    public String actorName() {
        return get().map(Official::username).orElse("system");
    }
}
