package vn.bluezone.server.accounts;

/**
 * A logged-in official as the rest of the server sees them: identity, role and administrative scope.
 *
 * @param areaCode GSO code of the province, district or commune the official is responsible for, or
 *                 {@code null} for the whole country
 */
public record Official(long id, String username, String displayName, Role role, String areaCode,
                       boolean mustChangePassword) {

    /** True when the official sees the whole country. */
    public boolean isNational() {
        return role.isNational() || areaCode == null;
    }

    public boolean hasRole(Role r) {
        return role == r;
    }
}
