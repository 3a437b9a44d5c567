package vn.bluezone.server.accounts;

import java.util.List;

/**
 * How an official's area is written: the unit's full name ("Xã Quảng Ngạn") and the units above it below the
 * country, nearest first ("Huyện Quảng Điền", "Tỉnh Thừa Thiên Huế").
 */
public record AreaName(String fullName, List<String> above) {
    public AreaName {
        above = List.copyOf(above);
    }
}
