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
    private final String sessionStamp;

    public OfficialDetails(Official official, String passwordHash, boolean enabled) {
        this.official = official;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.sessionStamp = passwordHash == null ? null : stamp(passwordHash);
    }

    /**
     * A fingerprint of the password hash at login, kept after the credentials are erased: when the password is
     * changed or reset, the account's stamp changes and sessions opened with the old one end
     * ({@code security.DisabledAccountFilter}). A truncated SHA-256 of the hash: it reveals nothing usable.
     */
    public String sessionStamp() {
        return sessionStamp;
    }

    static String stamp(String passwordHash) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
