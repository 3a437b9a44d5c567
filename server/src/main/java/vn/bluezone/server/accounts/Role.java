package vn.bluezone.server.accounts;

/**
 * What an official may do. The administrative roles follow Vietnam's levels of government; HEALTH_OFFICER
 * verifies confirmed cases for the key server; VOLUNTEER helps with installs in one commune. POLICE (commune
 * police) and HEALTH_STATION (commune health station) record and check people who must install (campaign).
 */
public enum Role {
    ADMIN,
    NATIONAL,
    PROVINCE,
    DISTRICT,
    COMMUNE,
    HEALTH_OFFICER,
    VOLUNTEER,
    POLICE,
    HEALTH_STATION;

    /** The Spring Security authority, e.g. {@code ROLE_HEALTH_OFFICER} (so {@code hasRole('HEALTH_OFFICER')} works). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles whose scope is always the whole country, whatever area code the account carries. */
    public boolean isNational() {
        return this == ADMIN || this == NATIONAL;
    }

    /**
     * Local roles: their scope is their area, so an account of such a role without an area is refused at creation
     * and at start-up ({@code LocalRoleAreaCheck}). HEALTH_OFFICER may be national (a ministry officer).
     */
    public boolean needsArea() {
        return switch (this) {
            case PROVINCE, DISTRICT, COMMUNE, VOLUNTEER, POLICE, HEALTH_STATION -> true;
            default -> false;
        };
    }

    /**
     * The level of the area a local role works in (1 province, 2 district, 3 commune: police, health station and
     * volunteers work in one commune); 0 for the roles that may have any area or none.
     */
    public int areaDepth() {
        return switch (this) {
            case PROVINCE -> 1;
            case DISTRICT -> 2;
            case COMMUNE, VOLUNTEER, POLICE, HEALTH_STATION -> 3;
            default -> 0;
        };
    }

    public static Role parse(String s) {
        try {
            return Role.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + s + "'");
        }
    }
}
