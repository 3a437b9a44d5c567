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
import vn.bluezone.server.registry.UnitAccess;
import vn.bluezone.server.problem.DomainException;

/**
 * Who may see and change statistics, villages and denominators: administrators and the national, province,
 * district and commune officials, each for their own unit and everything under it (403 OUT_OF_SCOPE otherwise,
 * for pages and APIs alike). Health officers and volunteers have other work (403 FORBIDDEN).
 */
@Component
public class StatisticsAccess implements UnitAccess {
    static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT, Role.COMMUNE);
    /** Also the commune health station, which reads its own commune's figures (issue 13) but changes nothing. */
    public static final Set<Role> READERS = Set.of(Role.ADMIN, Role.NATIONAL, Role.PROVINCE, Role.DISTRICT,
            Role.COMMUNE, Role.HEALTH_STATION);

    private final CurrentOfficial current;
    private final AreaScope scope;
    private final AdministrativeUnits units;

    public StatisticsAccess(CurrentOfficial current, AreaScope scope, AdministrativeUnits units) {
        this.current = current;
        this.scope = scope;
        this.units = units;
    }

    /** The official, who must hold a role that reads statistics. */
    @Override
    public Official official() {
        Official o = current.require();
        if (!READERS.contains(o.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "your role " + o.role() + " has no access to install statistics");
        }
        return o;
    }

    /** The official's own unit: their area, or the country. */
    public String homeUnit(Official o) {
        return o.isNational() ? AdministrativeUnit.NATION_CODE : o.areaCode();
    }

    /** Checks the official may see {@code code} (which must exist: 404 UNIT_NOT_FOUND first would leak nothing). */
    @Override
    public Official requireUnit(String code) {
        Official o = official();
        if (!maySee(o, code)) {
            throw new DomainException(ErrorCode.OUT_OF_SCOPE, "unit " + code + " is outside your area");
        }
        units.require(code);
        return o;
    }

    /** An official who may change villages and denominators (not the health station). */
    @Override
    public Official editor() {
        Official o = official();
        if (!ROLES.contains(o.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "your role " + o.role() + " may read statistics, not change them");
        }
        return o;
    }

    /** {@link #editor()} who may see {@code code}. */
    @Override
    public Official requireEditor(String code) {
        Official o = editor();
        requireUnit(code);
        return o;
    }

    public boolean mayEdit(Official o) {
        return ROLES.contains(o.role());
    }

    public boolean maySee(Official o, String code) {
        if (o.isNational()) {
            return true;
        }
        return !AdministrativeUnit.NATION_CODE.equals(code) && scope.maySee(o, code);
    }

    @Override
    public Predicate<String> scopeOf(Official o) {
        return code -> maySee(o, code);
    }
}
