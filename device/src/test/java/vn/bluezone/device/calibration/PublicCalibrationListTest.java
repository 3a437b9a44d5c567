package vn.bluezone.device.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PublicCalibrationListTest {
    private final PublicCalibrationList list = PublicCalibrationList.shipped();
    private final CalibrationTable table = CalibrationTable.shipped();

    @Test
    void theWholeListIsShipped() {
        assertEquals(9896, list.rows().size());
        assertEquals(313, list.rows().stream().filter(r -> r.confidence() == 3).count(), "directly measured models");
    }

    @Test
    void pixel2IsFoundWithGooglesFigures() {
        DeviceCalibration p2 = table.lookup("Google", "Pixel 2");
        assertEquals(DeviceCalibration.Match.EXACT_MODEL, p2.match());
        assertEquals(-6, p2.rssiCorrection());
        assertEquals(-31, p2.txPower());
        assertEquals(2, p2.confidence(), "estimated by Google, not measured");
        assertEquals("Pixel 2 XL", table.lookup("google", "pixel 2 xl").model());
    }

    @Test
    void measuredModelsHaveConfidenceThree() {
        DeviceCalibration v = list.find("Vivo", "vivo 1723");
        assertEquals(3, v.confidence());
        assertEquals(4, v.rssiCorrection());
        assertEquals(-30, v.txPower());
    }

    @Test
    void theCuratedLaterRevisionWinsWhereBothHaveTheModel() {
        // Pixel 4: 8/-30 in the 2020-12-14 revision (curated table), 5/-28 in the 2020-06-13 list.
        assertEquals(5, list.find("Google", "Pixel 4").rssiCorrection());
        assertEquals(8, table.lookup("Google", "Pixel 4").rssiCorrection());
    }

    @Test
    void aMakerOnlyInTheListGetsTheListsMakerAverage() {
        DeviceCalibration c = table.lookup("ZTE", "No Such Model 1");
        var zte = list.ofManufacturer("zte");
        assertTrue(zte.size() > 10, "ZTE models listed: " + zte.size());
        double tx = zte.stream().mapToInt(DeviceCalibration::txPower).average().orElseThrow();
        assertEquals(DeviceCalibration.Match.MANUFACTURER_AVERAGE, c.match());
        assertEquals(Math.round(tx), c.txPower());
        assertEquals(DeviceCalibration.Match.DEFAULT, table.lookup("Bphone", "B86").match(), "Bkav is not listed");
        assertNull(list.find("Nobody", "Nothing"));
    }

    @Test
    void badListsAreRejectedWithTheLine() {
        String bad = PublicCalibrationList.HEADER + "\nAsus,X,-6,-22,no\nAsus,Y,-6,abc,no\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublicCalibrationList.parse(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
        String flag = PublicCalibrationList.HEADER + "\nAsus,X,-6,-22,maybe\n";
        e = assertThrows(IllegalArgumentException.class, () -> PublicCalibrationList.parse(
                new ByteArrayInputStream(flag.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PublicCalibrationList.parse(
                new ByteArrayInputStream("oem,model\n".getBytes(StandardCharsets.UTF_8))));
    }
}
