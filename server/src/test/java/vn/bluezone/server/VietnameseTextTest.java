package vn.bluezone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldRemovesDiacriticsIncludingDStroke() {
        assertEquals("xa quang ngan", VietnameseText.fold("Xã  Quảng Ngạn"));
        assertEquals("dien bien", VietnameseText.fold("ĐIỆN Biên"));
        assertEquals("thua thien hue", VietnameseText.fold("Thừa Thiên Huế"));
        // decomposed input (NFD) folds the same as composed input
        assertEquals("quang ngan", VietnameseText.fold("Qua\u0309ng Nga\u0323n"));
    }

    @Test
    void nfcComposesAndCollapsesSpaces() {
        assertEquals("Quảng Ngạn", VietnameseText.nfc(" Qua\u0309ng   Nga\u0323n "));
    }

    @Test
    void sortsInVietnameseDictionaryOrder() {
        List<String> expected = List.of("A", "Á", "Ă", "Â", "B", "D", "Dương", "Đ", "Đà Nẵng", "E", "Ê",
                "Hà Nội", "Hải Phòng", "O", "Ô", "Ơ", "U", "Uông", "Ư", "Ưng", "V");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(VietnameseText.ORDER);
        assertEquals(expected, shuffled);
    }
}
