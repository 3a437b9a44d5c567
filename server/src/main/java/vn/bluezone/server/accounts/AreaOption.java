package vn.bluezone.server.accounts;

/**
 * One administrative unit as a picker offers it: its GSO code (the form's value, never shown), its full name with
 * the level ("Xã Quảng Ngạn", "Thành phố Huế") and its level (1 province, 2 district, 3 commune).
 */
public record AreaOption(String code, String name, int depth) {
}
