package vn.bluezone.device.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CalibrationTableTest {
    private final CalibrationTable table = CalibrationTable.shipped();

    @Test
    void exactModelGivesThePublishedFigures() {
        DeviceCalibration pixel4 = table.lookup("Google", "Pixel 4");
        assertEquals(8, pixel4.rssiCorrection());
        assertEquals(-30, pixel4.txPower());
        assertEquals(DeviceCalibration.Match.EXACT_MODEL, pixel4.match());
        DeviceCalibration a50 = table.lookup("samsung", "sm-a505f");
        assertEquals(0, a50.rssiCorrection());
        assertEquals(-20, a50.txPower());
    }

    @Test
    void deviceCodeAlsoMatches() {
        assertEquals("Pixel 4", table.lookup("google", "flame").model());
    }

    @Test
    void unknownModelOfKnownMakerGetsTheMakersAverage() {
        DeviceCalibration c = table.lookup("vivo", "vivo 9999");
        assertEquals(DeviceCalibration.Match.MANUFACTURER_AVERAGE, c.match());
        // vivo 1723 (4, -20) and vivo 1804 (5, -26): mean 4.5 -> 5 (half up), -23
        assertEquals(5, c.rssiCorrection());
        assertEquals(-23, c.txPower());
    }

    @Test
    void unknownPhoneGetsTheTableAverage() {
        DeviceCalibration c = table.lookup("Bphone", "B86");
        assertEquals(DeviceCalibration.Match.DEFAULT, c.match());
        double tx = table.rows().stream().mapToInt(DeviceCalibration::txPower).average().orElseThrow();
        assertEquals(Math.round(tx), c.txPower());
        assertTrue(c.txPower() < -15 && c.txPower() > -35, "plausible default tx " + c.txPower());
    }

    @Test
    void badTablesAreRejectedWithTheLine() {
        String csv = "manufacturer,device,model,rssi_correction,tx,calibration_confidence\nx,y,z,1,abc,3\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationTable.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CalibrationTable.parse(new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8))));
    }
}
