package vn.bluezone.server.statistics;

import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.AreaScope;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.web.ApiException;

/**
 * Who may see and change statistics, villages and denominators: administrators and the national, province,
 * district and commune officials, each for their own unit and everything under it (403 OUT_OF_SCOPE otherwise,
 * for pages and APIs alike). Health officers and volunteers have other work (403 FORBIDDEN).
 */
@Component
public class StatisticsAccess {
    static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT, Role.COMMUNE);

    private final CurrentOfficial current;
    private final AreaScope scope;
    private final AdministrativeUnits units;

    public StatisticsAccess(CurrentOfficial current, AreaScope scope, AdministrativeUnits units) {
        this.current = current;
        this.scope = scope;
        this.units = units;
    }

    /** The official, who must hold a statistics role. */
    public Official official() {
        Official o = current.require();
        if (!ROLES.contains(o.role())) {
            throw ApiException.forbidden(ErrorCode.FORBIDDEN, "your role " + o.role() + " has no access to install statistics");
        }
        return o;
    }

    /** The official's own unit: their area, or the country. */
    public String homeUnit(Official o) {
        return o.isNational() ? AdministrativeUnit.NATION_CODE : o.areaCode();
    }

    /** Checks the official may see {@code code} (which must exist: 404 UNIT_NOT_FOUND first would leak nothing). */
    public Official requireUnit(String code) {
        Official o = official();
        if (!maySee(o, code)) {
            throw ApiException.forbidden(ErrorCode.OUT_OF_SCOPE, "unit " + code + " is outside your area");
        }
        units.require(code);
        return o;
    }

    public boolean maySee(Official o, String code) {
        if (o.isNational()) {
            return true;
        }
        return !AdministrativeUnit.NATION_CODE.equals(code) && scope.maySee(o, code);
    }

    public Predicate<String> scopeOf(Official o) {
        return code -> maySee(o, code);
    }
}
