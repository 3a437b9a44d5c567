package vn.bluezone.server.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Answers "may this official see administrative unit X". National roles and accounts without an area see
 * everything; others see their own unit and what lies inside it, according to the {@link AdministrativeHierarchy}
 * bean (the registry's), or {@link EqualCodesHierarchy} when there is none.
 */
@Component
public class AreaScope {
    private final ObjectProvider<AdministrativeHierarchy> hierarchy;
    private static final AdministrativeHierarchy FALLBACK = new EqualCodesHierarchy();

    public AreaScope(ObjectProvider<AdministrativeHierarchy> hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean maySee(Official official, String unitCode) {
        if (official == null) {
            return false;
        }
        if (official.isNational()) {
            return true;
        }
        if (unitCode == null) {
            return false; // the whole country is wider than any local scope
        }
        return hierarchy().contains(official.areaCode(), unitCode);
    }

    /** Throws a 403 {@code OUT_OF_SCOPE} API error when the official may not see the unit. */
    public void check(Official official, String unitCode) {
        if (!maySee(official, unitCode)) {
            throw new DomainException(ErrorCode.OUT_OF_SCOPE,
                    "unit " + (unitCode == null ? "VN (whole country)" : unitCode) + " is outside your area");
        }
    }

    /** The province a unit lies in (see {@link AdministrativeHierarchy#provinceOf}). */
    public java.util.Optional<String> provinceOf(String unitCode) {
        return hierarchy().provinceOf(unitCode);
    }

    public AdministrativeHierarchy hierarchy() {
        return hierarchy.getIfUnique(() -> FALLBACK);
    }
}
