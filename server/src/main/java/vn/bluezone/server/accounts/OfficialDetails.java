package vn.bluezone.server.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of an official account (the principal of both session and API-key logins). */
public final class OfficialDetails implements UserDetails, CredentialsContainer {
    private final Official official;
    private final boolean enabled;
    private String passwordHash;

    public OfficialDetails(Official official, String passwordHash, boolean enabled) {
        this.official = official;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public Official official() {
        return official;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(official.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return official.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
