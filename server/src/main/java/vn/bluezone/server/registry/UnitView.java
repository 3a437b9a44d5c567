package vn.bluezone.server.registry;

/** A unit as the APIs show it. */
public record UnitView(String code, String level, String kind, String name, String fullName, String parentCode) {
    public static UnitView of(AdministrativeUnit u) {
        return new UnitView(u.code(), u.level().name(), u.kind(), u.name(), u.fullName(), u.parentCode());
    }
}
