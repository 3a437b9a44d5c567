package vn.bluezone.server.registry;

import org.springframework.stereotype.Component;
import vn.bluezone.server.accounts.AdministrativeHierarchy;

/**
 * The accounts' view of the hierarchy: an official scoped to a unit sees it and everything under it (villages
 * included). A null ancestor or "VN" is the whole country.
 */
@Component
public class RegistryHierarchy implements AdministrativeHierarchy {
    private final AdministrativeUnits units;

    public RegistryHierarchy(AdministrativeUnits units) {
        this.units = units;
    }

    @Override
    public boolean contains(String ancestorCode, String unitCode) {
        if (ancestorCode == null || AdministrativeUnit.NATION_CODE.equals(ancestorCode)) {
            return unitCode == null || units.find(unitCode).isPresent();
        }
        return units.contains(ancestorCode, unitCode);
    }

    @Override
    public java.util.Optional<String> provinceOf(String unitCode) {
        if (unitCode == null || units.find(unitCode).isEmpty() && !AdministrativeUnit.isVillageCode(unitCode)) {
            return java.util.Optional.empty();
        }
        return units.chainCodes(unitCode).stream().filter(c -> c.matches("\\d{2}")).findFirst();
    }
}
