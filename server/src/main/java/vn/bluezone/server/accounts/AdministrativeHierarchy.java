package vn.bluezone.server.accounts;

/**
 * Knows which administrative units (GSO codes of provinces, districts, communes) lie inside which. Accounts use
 * it to decide what an official scoped to one unit may see. The registry feature supplies the real hierarchy as
 * a Spring bean; without one, {@link EqualCodesHierarchy} applies (a unit contains only itself).
 */
public interface AdministrativeHierarchy {

    /**
     * True when {@code unitCode} is {@code ancestorCode} itself or lies inside it. A {@code null} ancestor means
     * the whole country and contains every unit.
     */
    boolean contains(String ancestorCode, String unitCode);

    /** The unit's name and the names above it, for the accounts pages; empty when unknown (no registry). */
    default java.util.Optional<AreaName> name(String unitCode) {
        return java.util.Optional.empty();
    }

    /** The province (2-digit code) a unit lies in; the code itself for a province; empty when unknown. */
    default java.util.Optional<String> provinceOf(String unitCode) {
        return unitCode != null && unitCode.matches("\\d{2}") ? java.util.Optional.of(unitCode)
                : java.util.Optional.empty();
    }

    /**
     * The provinces ({@code parentCode} null), or the districts of a province, or the communes of a district, in
     * Vietnamese dictionary order of their names, each with its full name ("Xã Quảng Ngạn"); empty below the commune
     * and when unknown (no registry). What the area picker offers ({@link AreaPicker}).
     */
    default java.util.List<AreaOption> children(String parentCode) {
        return java.util.List.of();
    }

    /** The unit and its ancestors below the country, province first; empty when unknown. */
    default java.util.List<AreaOption> chain(String unitCode) {
        return java.util.List.of();
    }
}
