package vn.bluezone.server.statistics.map;

/**
 * One province's outline on the national map: its GSO code, its ISO 3166-2 code (the key of the boundary source)
 * and its SVG path in the map's viewBox coordinates (several closed rings: mainland and islands).
 */
public record ProvinceShape(String code, String isoCode, String path) {
}
