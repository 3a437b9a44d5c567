package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import vn.bluezone.server.VietnameseText;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdministrativeUnitsTest extends RegistryTestSupport {
    @Autowired
    AdministrativeUnits units;

    @Test
    void shipsAllGsoUnits() {
        assertEquals(63, units.count(UnitLevel.PROVINCE));
        assertEquals(705, units.count(UnitLevel.DISTRICT));
        assertEquals(10_599, units.count(UnitLevel.COMMUNE));
        assertEquals(63, units.children("VN").size());
    }

    @Test
    void quangNganLiesInQuangDienInThuaThienHue() {
        List<AdministrativeUnit> chain = units.chain("19873");
        assertEquals(List.of("VN", "46", "477", "19873"), chain.stream().map(AdministrativeUnit::code).toList());
        assertEquals("Tỉnh Thừa Thiên Huế", chain.get(1).fullName());
        assertEquals("Huyện Quảng Điền", chain.get(2).fullName());
        assertEquals("Xã Quảng Ngạn", chain.get(3).fullName());
        assertEquals(UnitLevel.COMMUNE, chain.get(3).level());
        assertTrue(units.contains("46", "19873"));
        assertTrue(units.contains("477", "19876"));
        assertFalse(units.contains("19873", "19876"));
        assertFalse(units.contains("01", "19873"));
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        List<AdministrativeUnit> hits = units.search("quang ngan", null, 10);
        assertEquals("Xã Quảng Ngạn", hits.get(0).fullName());
        assertTrue(units.search("QUẢNG NGẠN", null, 10).stream().anyMatch(u -> u.code().equals("19873")));
        // đ → d: "dien bien" finds Tỉnh Điện Biên first (exact name beats longer names)
        assertEquals("11", units.search("dien bien", null, 5).get(0).code());
        // restricted to an area
        assertTrue(units.search("quang", "477", 100).stream().allMatch(u -> units.contains("477", u.code())));
    }

    @Test
    void childrenAreInVietnameseOrder() {
        List<String> names = units.children("477").stream().map(AdministrativeUnit::name).toList();
        List<String> sorted = names.stream().sorted(VietnameseText.ORDER).toList();
        assertEquals(sorted, names);
        List<String> provinces = units.children("VN").stream().map(AdministrativeUnit::name).toList();
        // "Đ" provinces come after every "D" province and before "G"
        int lastD = -1;
        int firstDStroke = Integer.MAX_VALUE;
        for (int i = 0; i < provinces.size(); i++) {
            if (provinces.get(i).startsWith("D")) {
                lastD = i;
            }
            if (provinces.get(i).startsWith("Đ")) {
                firstDStroke = Math.min(firstDStroke, i);
            }
        }
        assertTrue(lastD < firstDStroke, provinces.toString());
        assertEquals("An Giang", provinces.get(0));
    }
}
