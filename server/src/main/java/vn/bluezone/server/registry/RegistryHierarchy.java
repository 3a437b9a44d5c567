package vn.bluezone.server.registry;

import org.springframework.stereotype.Component;
import vn.bluezone.server.accounts.AdministrativeHierarchy;
import vn.bluezone.server.accounts.AreaName;

/**
 * The accounts' view of the hierarchy: an official scoped to a unit sees it and everything under it (villages
 * included). A null ancestor or "VN" is the whole country. Also names an official's area for the accounts pages.
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
    public java.util.Optional<AreaName> name(String unitCode) {
        return units.find(unitCode).map(unit -> {
            java.util.List<String> above = new java.util.ArrayList<>();
            for (AdministrativeUnit u : units.chain(unit.code())) {
                if (!u.code().equals(unit.code()) && !u.code().equals(AdministrativeUnit.NATION_CODE)) {
                    above.add(0, u.fullName()); // nearest first: "Huyện ..., Tỉnh ..."
                }
            }
            return new AreaName(unit.fullName(), above);
        });
    }

    @Override
    public java.util.Optional<String> provinceOf(String unitCode) {
        if (unitCode == null || units.find(unitCode).isEmpty() && !AdministrativeUnit.isVillageCode(unitCode)) {
            return java.util.Optional.empty();
        }
        return units.chainCodes(unitCode).stream().filter(c -> c.matches("\\d{2}")).findFirst();
    }

    /** GSO units only: villages are a commune's own, never an official's area nor a directive's target. */
    @Override
    public java.util.List<vn.bluezone.server.accounts.AreaOption> children(String parentCode) {
        String parent = parentCode == null || parentCode.isBlank() ? AdministrativeUnit.NATION_CODE : parentCode;
        var unit = units.find(parent);
        if (unit.isEmpty() || unit.get().level().depth() >= UnitLevel.COMMUNE.depth()) {
            return java.util.List.of();
        }
        return units.children(parent).stream().map(RegistryHierarchy::option).toList();
    }

    @Override
    public java.util.List<vn.bluezone.server.accounts.AreaOption> chain(String unitCode) {
        if (unitCode == null || units.find(unitCode).isEmpty()) {
            return java.util.List.of();
        }
        return units.chain(unitCode).stream().filter(u -> u.level() != UnitLevel.NATION)
                .map(RegistryHierarchy::option).toList();
    }

    private static vn.bluezone.server.accounts.AreaOption option(AdministrativeUnit u) {
        return new vn.bluezone.server.accounts.AreaOption(u.code(), u.fullName(), u.level().depth());
    }
}
