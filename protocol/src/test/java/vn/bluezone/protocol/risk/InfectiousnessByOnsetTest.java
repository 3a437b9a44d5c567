package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.protocol.risk.RiskTestData.DAY;
import static vn.bluezone.protocol.risk.RiskTestData.T0;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Exposure windows weighted by the key's days since symptom onset (GAEN v2 infectiousness): the shipped map, the
 * weights, and a configuration without the map (as written before it existed).
 */
class InfectiousnessByOnsetTest {
    private final RiskConfiguration vietnam = RiskConfiguration.vietnamDefault();
    private final ExposureWindowBuilder builder = ExposureWindowBuilder.forDevice(0);

    /** A key of the contact's day with the given days since onset (null: unknown). */
    private static TemporaryExposureKey key(Integer daysSinceOnset) {
        return new TemporaryExposureKey(new byte[16], 2_700_000, 144, 0, ReportType.CONFIRMED_TEST, daysSinceOnset);
    }

    /** {@code minutes} of scans 5 minutes apart at about 1.5 m (RSSI -48 from TX 8 dBm: 56 dB, near bucket). */
    private static List<Sighting> closeFor(int minutes) {
        List<Sighting> s = new ArrayList<>();
        for (int t = 0; t < minutes * 60; t += 300) {
            s.add(new Sighting(T0.plusSeconds(t), -48, 8));
        }
        return s;
    }

    private List<java.time.LocalDate> f1Days(RiskConfiguration config, Integer daysSinceOnset, int minutes) {
        return new RiskScorer(config).closeContactDays(builder.build(closeFor(minutes), key(daysSinceOnset), config));
    }

    @Test
    void theSameContactWarnsOnlyInsideTheInfectiousRange() {
        // An hour within 2 m: F1 if the case's key is from day -4..5 around onset; not before or after.
        for (int d = -14; d <= 14; d++) {
            boolean infectious = d >= -4 && d <= 5;
            assertEquals(infectious ? List.of(DAY) : List.of(), f1Days(vietnam, d, 60), "days since onset " + d);
        }
        assertEquals(List.of(DAY), f1Days(vietnam, null, 60), "a key without onset counts (standard)");
        assertEquals(List.of(), f1Days(vietnam, 15, 60), "beyond the map is none, as in GAEN");
    }

    @Test
    void aWindowOutsideTheRangeScoresZeroButKeepsItsWeightedDuration() {
        ExposureWindow before = builder.build(closeFor(60), key(-6), vietnam).get(0);
        assertEquals(Infectiousness.NONE, before.infectiousness());
        RiskScorer s = new RiskScorer(vietnam);
        assertEquals(0, s.windowScore(before));
        assertEquals(1800, s.weightedDurationSeconds(before), "still reported as weighted duration, as GAEN does");
        assertFalse(s.dailySummaries(List.of(before)).get(0).closeContact());
    }

    @Test
    void highAndStandardWeightsScaleTheScore() {
        // The LFPH guidance's weights (standard 30 %, high 100 %): 30 minutes near a case scores 1800 s on a HIGH
        // day (F1) but 540 s on a STANDARD day (not F1); a STANDARD day needs 50 minutes (900 s).
        RiskConfiguration graded = RiskTestData.ministryWith("\"standard\": 1.0", "\"standard\": 0.3");
        RiskScorer s = new RiskScorer(graded);
        ExposureWindow high = builder.build(closeFor(30), key(0), graded).get(0);
        ExposureWindow standard = builder.build(closeFor(30), key(-4), graded).get(0);
        assertEquals(Infectiousness.HIGH, high.infectiousness());
        assertEquals(Infectiousness.STANDARD, standard.infectiousness());
        assertEquals(1800, s.windowScore(high), 1e-9);
        assertEquals(540, s.windowScore(standard), 1e-9);
        assertEquals(List.of(DAY), f1Days(graded, 0, 30));
        assertEquals(List.of(), f1Days(graded, -4, 30));
        assertEquals(List.of(), f1Days(graded, 5, 45));
        assertEquals(List.of(DAY), f1Days(graded, 5, 50));
        // and HIGH above 1 shortens the time needed: 2.0 → 7.5 minutes count as 15
        RiskConfiguration doubled = RiskTestData.ministryWith("\"high\": 1.0", "\"high\": 2.0");
        assertEquals(List.of(DAY), f1Days(doubled, 1, 10));
        assertEquals(List.of(), f1Days(doubled, 4, 10));
    }

    @Test
    void aConfigurationWithoutTheMapIgnoresDaysSinceOnset() {
        String shipped = vietnam.toJson();
        int from = shipped.indexOf("  \"daysSinceOnsetToInfectiousness\"");
        int to = shipped.indexOf("},", from) + 3;
        String withoutMap = shipped.substring(0, from) + shipped.substring(to);
        assertFalse(withoutMap.contains("daysSinceOnset\""), withoutMap);
        RiskConfiguration old = RiskConfiguration.parse(withoutMap);
        for (int d = -14; d <= 14; d++) {
            assertEquals(Infectiousness.STANDARD, old.infectiousnessFor(d), "day " + d);
            assertEquals(List.of(DAY), f1Days(old, d, 60), "as before the map: every day counts, " + d);
        }
        assertEquals(Infectiousness.STANDARD, old.infectiousnessFor(null));
        assertEquals(old, RiskConfiguration.parse(old.toJson()), "written back with the map it stands for");

        RiskConfiguration allHigh = RiskConfiguration.parse(withoutMap.replace(
                "\"infectiousnessWhenDaysSinceOnsetMissing\": \"standard\"",
                "\"infectiousnessWhenDaysSinceOnsetMissing\": \"high\""));
        assertEquals(Infectiousness.HIGH, allHigh.infectiousnessFor(-9));
        assertTrue(allHigh.daysSinceOnsetToInfectiousness().values().stream().allMatch(Infectiousness.HIGH::equals));
    }
}
