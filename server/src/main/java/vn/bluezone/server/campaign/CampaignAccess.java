package vn.bluezone.server.campaign;

import vn.bluezone.server.registry.Areas;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;

/**
 * Who may do what in the campaign tools, for pages and APIs alike: a role check, then an area check (an official
 * sees their unit and what lies inside it, villages included; anything else is 403 OUT_OF_SCOPE). Nesting comes
 * from {@link Areas}, which knows villages.
 */
@Component
public class CampaignAccess {
    /** Administrative officials: run the campaign in their area. */
    public static final Set<Role> MANAGERS = EnumSet.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE);
    /** Record people who must install and verify their installs (commune, health station, police). */
    public static final Set<Role> COHORT_WRITERS = EnumSet.of(Role.COMMUNE, Role.HEALTH_STATION, Role.POLICE);
    /** Read cohort records: the writers and the levels above the commune. Never volunteers; not the admin. */
    public static final Set<Role> COHORT_READERS = EnumSet.of(Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE, Role.HEALTH_STATION, Role.POLICE);
    /** Export for the steering committee (chaired by the people's committee of each level). */
    public static final Set<Role> COHORT_EXPORTERS = EnumSet.of(Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE);
    /** Door to door: volunteers and managers. */
    public static final Set<Role> VISITORS = EnumSet.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE, Role.VOLUNTEER);
    /** Everyone working on the campaign: may read its pages and post progress on tasks. */
    public static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE, Role.VOLUNTEER, Role.POLICE, Role.HEALTH_STATION);

    private final CurrentOfficial current;
    private final Areas areas;

    public CampaignAccess(CurrentOfficial current, Areas areas) {
        this.current = current;
        this.areas = areas;
    }

    /** The current official if their role is in {@code roles}, else 403 FORBIDDEN. */
    public Official require(Set<Role> roles) {
        Official o = current.require();
        if (!roles.contains(o.role())) {
            throw new CampaignProblem(ErrorCode.FORBIDDEN, "your role " + o.role() + " may not use this");
        }
        return o;
    }

    /** The current official with a role in {@code roles} who may see {@code unitCode}. */
    public Official require(Set<Role> roles, String unitCode) {
        Official o = require(roles);
        if (!maySee(o, unitCode)) {
            throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + (unitCode == null ? "VN (whole country)"
                    : unitCode) + " is outside your area");
        }
        return o;
    }

    public boolean maySee(Official o, String unitCode) {
        if (o.isNational()) {
            return true;
        }
        return unitCode != null && areas.contains(o.areaCode(), unitCode);
    }

    /**
     * A directive issued for {@code unitCode} concerns an official whose area contains it, or whose area lies inside
     * it (a district directive binds the communes of the district).
     */
    public Official requireConcerned(Set<Role> roles, String unitCode) {
        Official o = require(roles);
        if (maySee(o, unitCode) || (o.areaCode() != null && unitCode != null && areas.contains(unitCode, o.areaCode()))) {
            return o;
        }
        throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + unitCode + " is outside your area");
    }

    /**
     * For a record looked up by its id (issue 15 §4): the role first (403 FORBIDDEN, the same for every id), then the
     * record ({@code unitOf} reads it and throws the 404 of a missing id), then the area: a record outside the
     * official's area is answered with {@code asMissing}, exactly as a missing id, so other communes' ids cannot be
     * probed.
     */
    public Official requireRecord(Set<Role> roles, Supplier<String> unitOf,
                                  Supplier<? extends RuntimeException> asMissing) {
        Official o = require(roles);
        if (!maySee(o, unitOf.get())) {
            throw asMissing.get();
        }
        return o;
    }

    /** {@link #requireRecord} for directives: a directive that does not concern the official is "missing". */
    public Official requireConcernedRecord(Set<Role> roles, Supplier<String> unitOf,
                                           Supplier<? extends RuntimeException> asMissing) {
        require(roles);
        try {
            return requireConcerned(roles, unitOf.get());
        } catch (CampaignProblem p) {
            if (ErrorCode.OUT_OF_SCOPE.name().equals(p.code())) {
                throw asMissing.get();
            }
            throw p;
        }
    }

    /** The unit to show when none was asked for: the official's own, or the country. */
    public static String homeUnit(Official o) {
        return o.isNational() ? null : o.areaCode();
    }
}
