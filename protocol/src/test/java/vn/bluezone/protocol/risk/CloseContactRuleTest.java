package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CloseContactRuleTest {
    private final CloseContactRule f1 = CloseContactRule.ministryF1();

    @Test
    void pathLossModelReproducesTheCwaCalibrationPoints() {
        // 50.3 + 26.6 * log10(1.5) = 50.3 + 26.6 * 0.176091 = 54.984 -> 55 (CWA: < 55 dB ~ closer than 1.5 m)
        assertEquals(54.984, f1.modelledAttenuationDb(1.5), 0.001);
        assertEquals(55, f1.attenuationThresholdDb(1.5));
        // 50.3 + 26.6 * log10(3) = 50.3 + 26.6 * 0.477121 = 62.991 -> 63 (CWA: 55..63 dB ~ 1.5 to 3 m)
        assertEquals(62.991, f1.modelledAttenuationDb(3), 0.001);
        assertEquals(63, f1.attenuationThresholdDb(3));
    }

    @Test
    void theMinistryDistanceMapsTo58Db() {
        // 50.3 + 26.6 * log10(2) = 50.3 + 26.6 * 0.30103 = 58.307 -> 58
        assertEquals(58.307, f1.modelledAttenuationDb(2), 0.001);
        assertEquals(58, f1.attenuationThresholdDb());
        assertEquals(50, f1.attenuationThresholdDb(1));  // 50.3 at the 1 m reference
        assertEquals(42, f1.attenuationThresholdDb(0.5)); // 50.3 - 8.007 = 42.29
        assertEquals(66, f1.attenuationThresholdDb(4));  // 50.3 + 16.015 = 66.31
        assertEquals(2.0, f1.modelledDistanceMeters(f1.modelledAttenuationDb(2)), 1e-9);
    }

    @Test
    void theDerivedPresetsDistanceMapsTo62Db() {
        // 50.3 + 26.6 * log10(2.75) = 50.3 + 26.6 * 0.439333 = 61.986 -> 62: the derived rule's threshold
        CloseContactRule derived = RiskConfiguration.derivedF1().closeContact();
        assertEquals(f1, RiskConfiguration.vietnamDefault().closeContact(), "the default is the Ministry's rule");
        assertEquals(61.986, derived.modelledAttenuationDb(2.75), 0.001);
        assertEquals(62, derived.attenuationThresholdDb());
        assertEquals(1800, derived.minimumCumulativeSeconds());
        assertTrue(derived.isCloseContact(1800));
        assertFalse(derived.isCloseContact(1799));
    }

    @Test
    void fifteenMinutesIsCloseAndFourteenFiftyNineIsNot() {
        assertEquals(900, f1.minimumCumulativeSeconds());
        assertTrue(f1.isCloseContact(900));
        assertFalse(f1.isCloseContact(899));
        assertTrue(f1.isCloseContact(new ExposureSummary(300, 900, 900)));
        assertFalse(f1.isCloseContact(new ExposureSummary(300, 899, 2000)),
                "the decision uses scoreSum, not weightedDurationSum");
    }

    @Test
    void decimalWeightsThatSumToTheMinimumCount() {
        // 30 windows of 300 s at weight 0.1 is 900 s; in binary floating point the sum may fall a hair short.
        double sum = 0;
        for (int i = 0; i < 30; i++) {
            sum += 300 * 0.1;
        }
        assertTrue(f1.isCloseContact(sum), "sum was " + sum);
    }

    @Test
    void otherDistancesAndDurationsAreConfigurable() {
        CloseContactRule oneMeterTenMinutes = f1.withDistanceAndMinutes(1, 10);
        assertEquals(50, oneMeterTenMinutes.attenuationThresholdDb());
        assertTrue(oneMeterTenMinutes.isCloseContact(600));
        assertFalse(oneMeterTenMinutes.isCloseContact(599));
    }

    @Test
    void boundsAreNamedInErrors() {
        assertEquals("closeContact.closeContactDistanceMeters must be in 0.1..10, was 0",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(0, 15, 50.3, 2.66)).getMessage());
        assertEquals("closeContact.closeContactDistanceMeters must be in 0.1..10, was 10.5",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(10.5, 15, 50.3, 2.66)).getMessage());
        assertEquals("closeContact.minimumCumulativeMinutes must be in 1..1440, was 1441",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(2, 1441, 50.3, 2.66)).getMessage());
        assertEquals("closeContact.pathLossExponent must be in 1..6, was 0.5",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(2, 15, 50.3, 0.5)).getMessage());
        assertEquals("closeContact.referenceAttenuationDb must be in 0..255, was 256",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(2, 15, 256, 2)).getMessage());
        // 250 + 10 * 6 * log10(10) = 310 dB cannot be an attenuation threshold
        assertEquals("closeContact gives an attenuation of 310 dB at 10 m; it must be in 0..255",
                assertThrows(RiskConfigurationException.class, () -> new CloseContactRule(10, 15, 250, 6)).getMessage());
    }
}
