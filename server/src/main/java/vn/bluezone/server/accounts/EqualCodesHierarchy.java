package vn.bluezone.server.accounts;

import java.util.Objects;

/** The fallback hierarchy when no registry is present: the country contains everything, a unit only itself. */
public final class EqualCodesHierarchy implements AdministrativeHierarchy {
    @Override
    public boolean contains(String ancestorCode, String unitCode) {
        return ancestorCode == null || Objects.equals(ancestorCode, unitCode);
    }
}
