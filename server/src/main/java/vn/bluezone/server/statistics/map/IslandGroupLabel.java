package vn.bluezone.server.statistics.map;

/**
 * Where the name of an island group is written on the map: {@code group} is "paracel" (Quần đảo Hoàng Sa, part of
 * Đà Nẵng, GSO 48) or "spratly" (Quần đảo Trường Sa, part of Khánh Hòa, GSO 56); x, y in viewBox units.
 */
public record IslandGroupLabel(String provinceCode, String group, double x, double y, String anchor) {
}
