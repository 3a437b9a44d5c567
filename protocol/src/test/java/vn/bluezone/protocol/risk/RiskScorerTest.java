package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.protocol.risk.RiskTestData.DAY;
import static vn.bluezone.protocol.risk.RiskTestData.T0;
import static vn.bluezone.protocol.risk.RiskTestData.scan;
import static vn.bluezone.protocol.risk.RiskTestData.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.ReportType;

class RiskScorerTest {
    /**
     * The scoring mechanics are tested on the default, the Ministry preset (58 dB, 15 min); the derived preset
     * (62 dB, 30 min), which an authority can select, has its own edge tests below.
     */
    private final RiskScorer vietnam = new RiskScorer(RiskConfiguration.vietnamDefault());
    private final RiskScorer derived = new RiskScorer(RiskConfiguration.derivedF1());

    @Test
    void theDerivedPresetWarnsAtThirtyMinutesAtOrBelow62Db() {
        RiskConfiguration c = RiskConfiguration.derivedF1();
        assertEquals(AttenuationBucket.IMMEDIATE, c.bucketOf(50));
        assertEquals(AttenuationBucket.NEAR, c.bucketOf(62));
        assertEquals(AttenuationBucket.MEDIUM, c.bucketOf(63));
        assertEquals(600, derived.windowScore(window(62, 600)), "exactly 62 dB counts");
        assertEquals(0, derived.windowScore(window(63, 600)), "63 dB does not");
        // 30 minutes at 60 dB (about 2.4 m by the model): F1 now; 29:59 is not, nor is the Ministry's 15 minutes.
        ExposureWindow thirty = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(60, 600), scan(62, 600), scan(45, 600));
        assertTrue(derived.dailySummaries(List.of(thirty)).get(0).closeContact());
        assertFalse(vietnam.dailySummaries(List.of(thirty)).get(0).closeContact(), "60 and 62 dB are beyond 2 m");
        ExposureWindow short1 = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(60, 600), scan(62, 600), scan(45, 599));
        assertEquals(1799, derived.dailySummaries(List.of(short1)).get(0).daySummary().scoreSum());
        assertFalse(derived.dailySummaries(List.of(short1)).get(0).closeContact());
        ExposureWindow fifteen = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(55, 300), scan(58, 300), scan(45, 300));
        assertTrue(vietnam.dailySummaries(List.of(fifteen)).get(0).closeContact(), "Ministry: 15 min within 2 m");
        assertFalse(derived.dailySummaries(List.of(fifteen)).get(0).closeContact(), "derived: 15 min is too short");
    }

    @Test
    void vietnamBucketsAtEachThreshold() {
        // thresholds 50 / 58 / 66 (1 m, 2 m, 4 m); weights 1, 1, 0, 0
        RiskConfiguration c = RiskConfiguration.ministryF1();
        assertEquals(AttenuationBucket.IMMEDIATE, c.bucketOf(50));
        assertEquals(AttenuationBucket.NEAR, c.bucketOf(51));
        assertEquals(AttenuationBucket.NEAR, c.bucketOf(58));
        assertEquals(AttenuationBucket.MEDIUM, c.bucketOf(59));
        assertEquals(AttenuationBucket.MEDIUM, c.bucketOf(66));
        assertEquals(AttenuationBucket.OTHER, c.bucketOf(67));
        assertEquals(600, vietnam.windowScore(window(58, 600)), "exactly 58 dB is within 2 m");
        assertEquals(0, vietnam.windowScore(window(59, 600)), "59 dB is beyond 2 m");
    }

    @Test
    void eachBucketWeightAppliesUpToAndIncludingItsThreshold() {
        RiskScorer s = new RiskScorer(RiskTestData.ministryWith(
                "\"immediate\": 1.0", "\"immediate\": 2.0",
                "\"medium\": 0.0", "\"medium\": 0.5",
                "\"other\": 0.0", "\"other\": 0.25"));
        // 100 s at each attenuation: score = 100 x weight
        assertEquals(200, s.windowScore(window(0, 100)));
        assertEquals(200, s.windowScore(window(50, 100)));
        assertEquals(100, s.windowScore(window(51, 100)));
        assertEquals(100, s.windowScore(window(58, 100)));
        assertEquals(50, s.windowScore(window(59, 100)));
        assertEquals(50, s.windowScore(window(66, 100)));
        assertEquals(25, s.windowScore(window(67, 100)));
        assertEquals(25, s.windowScore(window(255, 100)));
    }

    @Test
    void fifteenMinutesInOneWindowIsCloseContact() {
        ExposureWindow w = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(55, 300), scan(58, 300), scan(45, 300));
        DailySummary d = vietnam.dailySummaries(List.of(w)).get(0);
        assertEquals(DAY, d.day());
        assertEquals(new ExposureSummary(900, 900, 900), d.daySummary());
        assertTrue(d.closeContact());
    }

    @Test
    void fourteenMinutesFiftyNineSecondsIsNot() {
        ExposureWindow w = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(55, 300), scan(58, 300), scan(45, 299));
        DailySummary d = vietnam.dailySummaries(List.of(w)).get(0);
        assertEquals(899, d.daySummary().scoreSum());
        assertFalse(d.closeContact());
    }

    @Test
    void scansBeyondTwoMetersDoNotCount() {
        // one hour at 59 dB (just beyond 2 m) plus 14 minutes within: not close
        ExposureWindow far = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD, scan(59, 1800));
        ExposureWindow farAgain = window(T0.plusSeconds(1800), ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(59, 1800));
        ExposureWindow near = window(T0.plusSeconds(3600), ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(50, 840));
        DailySummary d = vietnam.dailySummaries(List.of(far, farAgain, near)).get(0);
        assertEquals(840, d.daySummary().scoreSum());
        assertFalse(d.closeContact());
    }

    @Test
    void windowsOfOneDaySumToTheThreshold() {
        // three separate 5-minute encounters (e.g. three keys or three bus rides) on the same day: 900 s
        List<ExposureWindow> windows = List.of(
                window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD, scan(55, 300)),
                window(T0.plusSeconds(7200), ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, Infectiousness.STANDARD,
                        scan(58, 300)),
                window(T0.plusSeconds(14400), ReportType.CONFIRMED_TEST, Infectiousness.HIGH, scan(40, 300)));
        DailySummary d = vietnam.dailySummaries(windows).get(0);
        assertEquals(new ExposureSummary(300, 900, 900), d.daySummary());
        assertTrue(d.closeContact());
        assertEquals(List.of(DAY), vietnam.closeContactDays(windows));
        assertEquals(600, d.summaryFor(ReportType.CONFIRMED_TEST).scoreSum());
        assertEquals(300, d.summaryFor(ReportType.CONFIRMED_CLINICAL_DIAGNOSIS).scoreSum());
    }

    @Test
    void differentDaysDoNotSum() {
        // 10 minutes before UTC midnight, 10 minutes after: two days of 600 s, neither close
        List<ExposureWindow> windows = List.of(
                window(java.time.Instant.parse("2021-08-02T23:50:00Z"), ReportType.CONFIRMED_TEST,
                        Infectiousness.STANDARD, scan(55, 300), scan(55, 300)),
                window(java.time.Instant.parse("2021-08-03T00:00:00Z"), ReportType.CONFIRMED_TEST,
                        Infectiousness.STANDARD, scan(55, 300), scan(55, 300)));
        List<DailySummary> days = vietnam.dailySummaries(windows);
        assertEquals(List.of(LocalDate.parse("2021-08-02"), LocalDate.parse("2021-08-03")),
                days.stream().map(DailySummary::day).toList());
        assertTrue(days.stream().noneMatch(DailySummary::closeContact));
        assertTrue(vietnam.closeContactDays(windows).isEmpty());
    }

    @Test
    void reportTypeAndInfectiousnessWeightsMultiply() {
        RiskConfiguration c = RiskTestData.ministryWith("\"selfReport\": 1.0", "\"selfReport\": 0.5",
                "\"recursive\": 1.0", "\"recursive\": 2.0", "\"high\": 1.0", "\"high\": 1.5");
        RiskScorer s = new RiskScorer(c);
        ExposureWindow self = window(T0, ReportType.SELF_REPORT, Infectiousness.STANDARD, scan(55, 600));
        ExposureWindow recursiveHigh = window(T0.plusSeconds(3600), ReportType.RECURSIVE, Infectiousness.HIGH,
                scan(55, 300), scan(70, 300));
        assertEquals(300, s.windowScore(self));              // 600 x 1 x 0.5 x 1
        assertEquals(900, s.windowScore(recursiveHigh));     // (300 x 1 + 300 x 0) x 2.0 x 1.5
        DailySummary d = s.dailySummaries(List.of(self, recursiveHigh)).get(0);
        assertEquals(new ExposureSummary(900, 1200, 900), d.daySummary(),
                "weightedDurationSum ignores report type and infectiousness");
        assertEquals(new ExposureSummary(900, 900, 300), d.summaryFor(ReportType.RECURSIVE));
        assertEquals(ExposureSummary.EMPTY, d.summaryFor(ReportType.CONFIRMED_TEST));
        // an F1 decision counts cases only; the recursive (F1) key is for an F2 decision
        CloseContactRule rule = c.closeContact();
        assertFalse(rule.isCloseContact(d.scoreSumFor(EnumSet.of(ReportType.CONFIRMED_TEST,
                ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, ReportType.SELF_REPORT))));
        assertTrue(rule.isCloseContact(d.scoreSumFor(EnumSet.of(ReportType.RECURSIVE))));
    }

    @Test
    void unknownReportTypeScoresAsMissingDefaultAndRevokedIsIgnored() {
        RiskScorer s = new RiskScorer(RiskTestData.ministryWith("\"confirmedTest\": 1.0", "\"confirmedTest\": 2.0"));
        ExposureWindow unknown = window(T0, ReportType.UNKNOWN, Infectiousness.STANDARD, scan(55, 300));
        ExposureWindow revoked = window(T0, ReportType.REVOKED, Infectiousness.STANDARD, scan(55, 3000));
        assertEquals(600, s.windowScore(unknown));
        assertEquals(0, s.windowScore(revoked));
        List<DailySummary> days = s.dailySummaries(List.of(unknown, revoked));
        assertEquals(new ExposureSummary(600, 600, 300), days.get(0).daySummary());
        assertEquals(600, days.get(0).summaryFor(ReportType.CONFIRMED_TEST).scoreSum());
        assertTrue(s.dailySummaries(List.of(revoked)).isEmpty());
    }

    @Test
    void windowsBelowTheMinimumWindowScoreAreIgnored() {
        RiskScorer s = new RiskScorer(RiskTestData.ministryWith("\"minimumWindowScore\": 0.0",
                "\"minimumWindowScore\": 300.0"));
        ExposureWindow exactly = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD, scan(55, 300));
        ExposureWindow below = window(T0.plusSeconds(3600), ReportType.CONFIRMED_TEST, Infectiousness.STANDARD,
                scan(55, 299));
        DailySummary d = s.dailySummaries(List.of(exactly, below, below, below)).get(0);
        assertEquals(300, d.daySummary().scoreSum(), "a window scoring exactly the minimum counts, 299 does not");
        assertTrue(s.dailySummaries(List.of(below)).isEmpty());
    }

    @Test
    void noneInfectiousnessScoresZeroWithTheShippedWeights() {
        ExposureWindow w = window(T0, ReportType.CONFIRMED_TEST, Infectiousness.NONE, scan(55, 1800));
        assertEquals(0, vietnam.windowScore(w));
        assertEquals(1800, vietnam.weightedDurationSeconds(w));
        assertFalse(vietnam.dailySummaries(List.of(w)).get(0).closeContact());
    }

    @Test
    void endToEndFromSightingsToAnF1Day() {
        // A case's phone (TX 8 dBm) at about 1.5 m: RSSI -48 -> attenuation 56 dB (near bucket).
        ExposureWindowBuilder b = ExposureWindowBuilder.forDevice(0);
        List<Sighting> fifteen = new ArrayList<>();
        List<Sighting> almost = new ArrayList<>();
        for (int t : new int[] {0, 300, 600}) {
            fifteen.add(new Sighting(T0.plusSeconds(t), -48, 8));
            fifteen.add(new Sighting(T0.plusSeconds(t + 2), -49, 8));
        }
        for (int t : new int[] {0, 300, 599}) {
            almost.add(new Sighting(T0.plusSeconds(t), -48, 8));
        }
        // scans stand for 300 + 300 + 300 = 900 s, vs 300 + 300 + 299 = 899 s
        assertEquals(List.of(DAY), vietnam.closeContactDays(
                b.build(fifteen, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD)));
        assertTrue(vietnam.closeContactDays(
                b.build(almost, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD)).isEmpty());

        // An hour at about 3 m (RSSI -55 -> 63 dB, medium bucket) is not an F1 contact.
        List<Sighting> far = new ArrayList<>();
        for (int t = 0; t < 3600; t += 300) {
            far.add(new Sighting(T0.plusSeconds(t), -55, 8));
        }
        List<ExposureWindow> farWindows = b.build(far, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD);
        assertEquals(2, farWindows.size());
        assertTrue(vietnam.closeContactDays(farWindows).isEmpty());
    }
}
