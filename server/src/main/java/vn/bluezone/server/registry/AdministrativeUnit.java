package vn.bluezone.server.registry;

import vn.bluezone.api.registry.Unit;

/**
 * One unit of the hierarchy. {@code code} is the GSO code for provinces (2 digits), districts (3) and communes (5),
 * {@link #NATION_CODE} for the country and {@code V<id>} for villages. {@code kind} is the GSO type slug
 * (tinh, thanh-pho, quan, huyen, thi-xa, xa, phuong, thi-tran) or, for villages, thon / to-dan-pho / ...
 */
public record AdministrativeUnit(String code, UnitLevel level, String kind, String name, String fullName,
                                 String parentCode) {
    public static final String NATION_CODE = "VN";
    public static final String VILLAGE_PREFIX = "V";

    /** The unit as the APIs show it. */
    public Unit view() {
        return new Unit(code, level.name(), kind, name, fullName, parentCode);
    }

    public static boolean isVillageCode(String code) {
        return code != null && code.length() > 1 && code.startsWith(VILLAGE_PREFIX)
                && code.substring(1).chars().allMatch(Character::isDigit) && code.length() <= 16;
    }

    public static String villageCode(long id) {
        return VILLAGE_PREFIX + id;
    }

    public static long villageId(String code) {
        return Long.parseLong(code.substring(1));
    }
}
