package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.protocol.risk.RiskTestData.ministryJsonWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bluezone.protocol.ReportType;

class RiskConfigurationTest {

    private static String error(String json) {
        return assertThrows(RiskConfigurationException.class, () -> RiskConfiguration.parse(json)).getMessage();
    }

    private static String errorWith(String... fromTo) {
        return error(ministryJsonWith(fromTo));
    }

    @Test
    void theDefaultIsTheMinistryRule() {
        // The lead's decision of 2026-12-03 (issue 12): the derived rule's epidemic benefit is not shown, so the
        // default stays the Ministry's F1 definition, 15 minutes within 2 m (58 dB).
        RiskConfiguration c = RiskConfiguration.vietnamDefault();
        assertEquals(RiskPreset.MINISTRY_F1, RiskPreset.DEFAULT);
        assertEquals(c, RiskConfiguration.ministryF1());
        assertEquals(c, RiskPreset.byName("vietnam-f1-ministry").configuration());
        assertEquals("vietnam-f1-ministry", c.name());
        assertEquals(CloseContactRule.ministryF1(), c.closeContact());
        assertEquals(2.0, c.closeContact().closeContactDistanceMeters());
        assertEquals(15, c.closeContact().minimumCumulativeMinutes());
        assertEquals(new AttenuationThresholds(50, 58, 66), c.attenuationThresholds());
        assertEquals(new AttenuationWeights(1, 1, 0, 0), c.attenuationWeights());
        assertEquals(ReportType.CONFIRMED_TEST, c.reportTypeWhenMissing());
        assertEquals(29, c.daysSinceOnsetToInfectiousness().size());
        assertEquals(0.0, c.minimumWindowScore());
    }

    @Test
    void theDerivedRuleIsANamedPreset() {
        // The rule bench RuleDerivation chooses in every fold (bench/README.md): at most 62 dB for 30 minutes.
        RiskConfiguration d = RiskPreset.byName("vietnam-f1-derived").configuration();
        assertEquals(d, RiskConfiguration.derivedF1());
        assertEquals("vietnam-f1-derived", d.name());
        assertEquals(new CloseContactRule(2.75, 30, 50.3, 2.66), d.closeContact());
        assertEquals(30, d.closeContact().minimumCumulativeMinutes());
        assertEquals(new AttenuationThresholds(50, 62, 66), d.attenuationThresholds());
        // Everything but the rule itself is the same in both presets.
        RiskConfiguration c = RiskConfiguration.vietnamDefault();
        assertEquals(c.attenuationWeights(), d.attenuationWeights());
        assertEquals(c.reportTypeWeights(), d.reportTypeWeights());
        assertEquals(c.infectiousnessWeights(), d.infectiousnessWeights());
        assertEquals(c.daysSinceOnsetToInfectiousness(), d.daysSinceOnsetToInfectiousness());
        assertEquals(c.reportTypeWhenMissing(), d.reportTypeWhenMissing());
        assertEquals("unknown risk preset \"vietnam-f1\"; known: vietnam-f1-ministry, vietnam-f1-derived",
                assertThrows(RiskConfigurationException.class, () -> RiskPreset.byName("vietnam-f1")).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskPreset.class)
    void theShippedFilesAreInCanonicalFormAndRoundTrip(RiskPreset preset) throws IOException {
        String resource;
        try (InputStream in = RiskConfiguration.class.getResourceAsStream(preset.resource())) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RiskConfiguration c = preset.configuration();
        assertEquals(preset.presetName(), c.name());
        assertEquals(resource, c.toJson());
        assertEquals(c, RiskConfiguration.parse(c.toJson()));
        RiskConfiguration changed = c.withCloseContact(1.0, 10);
        assertEquals(changed, RiskConfiguration.load(new ByteArrayInputStream(
                changed.toJson().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void changingTheDistanceMovesTheThresholds() {
        // The 2022 rule (Official Dispatch 1909/BYT-DP): within 1 m. Thresholds at 0.5, 1 and 2 m: 42, 50, 58.
        RiskConfiguration oneMeter = RiskConfiguration.ministryF1().withCloseContact(1.0, 15);
        assertEquals(new AttenuationThresholds(42, 50, 58), oneMeter.attenuationThresholds());
        assertEquals(AttenuationBucket.NEAR, oneMeter.bucketOf(50));
        assertEquals(AttenuationBucket.MEDIUM, oneMeter.bucketOf(51));
    }

    @Test
    void aDistanceWithoutMatchingThresholdsIsExplained() {
        assertEquals("attenuationThresholds.near must be 50, the attenuation at closeContact.closeContactDistanceMeters"
                        + " 1 m (50.3 + 10 × 2.66 × log10(1) = 50.30 dB, rounded), was 58",
                errorWith("\"closeContactDistanceMeters\": 2.0", "\"closeContactDistanceMeters\": 1.0",
                        "\"immediate\": 50", "\"immediate\": 42"));
        assertEquals("attenuationThresholds.near must be 58, the attenuation at closeContact.closeContactDistanceMeters"
                        + " 2 m (50.3 + 10 × 2.66 × log10(2) = 58.31 dB, rounded), was 60",
                errorWith("\"near\": 58", "\"near\": 60"));
    }

    @ParameterizedTest(name = "onset {0} -> {1}")
    @CsvSource({"-15, NONE", "-14, NONE", "-5, NONE", "-4, STANDARD", "-3, STANDARD", "-2, HIGH", "0, HIGH",
            "3, HIGH", "4, STANDARD", "5, STANDARD", "6, NONE", "14, NONE", "15, NONE"})
    void vietnamInfectiousnessByOnset(int days, Infectiousness expected) {
        assertEquals(expected, RiskConfiguration.vietnamDefault().infectiousnessFor(days));
    }

    @Test
    void infectiousnessByOnsetAtTheBoundaries() {
        String days = """
                "daysSinceOnsetToInfectiousness": {
                    "-14": "none",
                    "-2": "standard",
                    "-1": "high",
                    "0": "high",
                    "1": "high",
                    "2": "standard",
                    "14": "standard"
                  },""";
        String shipped = RiskConfiguration.vietnamDefault().toJson();
        int from = shipped.indexOf("\"daysSinceOnsetToInfectiousness\"");
        int to = shipped.indexOf("},", from) + 2;
        RiskConfiguration c = RiskConfiguration.parse(shipped.substring(0, from) + days.strip() + shipped.substring(to));
        assertEquals(Infectiousness.NONE, c.infectiousnessFor(-15));
        assertEquals(Infectiousness.NONE, c.infectiousnessFor(-14));
        assertEquals(Infectiousness.NONE, c.infectiousnessFor(-3), "unlisted days are none");
        assertEquals(Infectiousness.STANDARD, c.infectiousnessFor(-2));
        assertEquals(Infectiousness.HIGH, c.infectiousnessFor(-1));
        assertEquals(Infectiousness.HIGH, c.infectiousnessFor(1));
        assertEquals(Infectiousness.STANDARD, c.infectiousnessFor(2));
        assertEquals(Infectiousness.NONE, c.infectiousnessFor(3));
        assertEquals(Infectiousness.STANDARD, c.infectiousnessFor(14));
        assertEquals(Infectiousness.NONE, c.infectiousnessFor(15));
        assertEquals(Infectiousness.STANDARD, c.infectiousnessFor(null), "missing onset uses the configured default");
    }

    @Test
    void weightsAreLookedUp() {
        RiskConfiguration c = RiskConfiguration.vietnamDefault();
        assertEquals(1.0, c.reportTypeWeight(ReportType.RECURSIVE));
        assertEquals(1.0, c.reportTypeWeight(ReportType.UNKNOWN));
        assertEquals(0.0, c.reportTypeWeight(ReportType.REVOKED));
        assertEquals(0.0, c.infectiousnessWeight(Infectiousness.NONE));
        assertEquals(Map.of(Infectiousness.NONE, 0.0, Infectiousness.STANDARD, 1.0, Infectiousness.HIGH, 1.0),
                c.infectiousnessWeights());
    }

    // ---- invalid configurations: exact messages ----

    @Test
    void thresholdsMustIncreaseAndFitAByte() {
        assertEquals("attenuationThresholds must be increasing (immediate < near < medium), was 58, 58, 66",
                errorWith("\"immediate\": 50", "\"immediate\": 58"));
        assertEquals("attenuationThresholds must be increasing (immediate < near < medium), was 50, 58, 58",
                errorWith("\"medium\": 66", "\"medium\": 58"));
        assertEquals("attenuationThresholds.medium must be in 0..255, was 256",
                errorWith("\"medium\": 66", "\"medium\": 256"));
        assertEquals("attenuationThresholds.immediate must be in 0..255, was -1",
                errorWith("\"immediate\": 50", "\"immediate\": -1"));
        assertEquals("attenuationThresholds.near must be a whole number, was 58.5",
                errorWith("\"near\": 58", "\"near\": 58.5"));
    }

    @Test
    void weightsMustBeIn0To2point5() {
        assertEquals("attenuationWeights.near must be in 0..2.5, was 2.6",
                errorWith("\"near\": 1.0", "\"near\": 2.6"));
        assertTrue(RiskTestData.ministryWith("\"near\": 1.0", "\"near\": 2.5").attenuationWeights().near() == 2.5,
                "2.5 itself is allowed");
        assertEquals("reportTypeWeights.selfReport must be in 0..2.5, was -0.1",
                errorWith("\"selfReport\": 1.0", "\"selfReport\": -0.1"));
        assertEquals("infectiousnessWeights.high must be in 0..2.5, was 3",
                errorWith("\"high\": 1.0", "\"high\": 3"));
        assertEquals("attenuationWeights.other must be a number, was \"0\"",
                errorWith("\"other\": 0.0", "\"other\": \"0\""));
    }

    @Test
    void closeContactBounds() {
        assertEquals("closeContact.closeContactDistanceMeters must be in 0.1..10, was 0",
                errorWith("\"closeContactDistanceMeters\": 2.0", "\"closeContactDistanceMeters\": 0"));
        assertEquals("closeContact.minimumCumulativeMinutes must be in 1..1440, was 0",
                errorWith("\"minimumCumulativeMinutes\": 15", "\"minimumCumulativeMinutes\": 0"));
        assertEquals("closeContact.minimumCumulativeMinutes must be a whole number, was 14.5",
                errorWith("\"minimumCumulativeMinutes\": 15", "\"minimumCumulativeMinutes\": 14.5"));
        assertEquals("closeContact.minimumCumulativeMinutes must be a whole number, was \"15\"",
                errorWith("\"minimumCumulativeMinutes\": 15", "\"minimumCumulativeMinutes\": \"15\""));
        assertEquals(15, RiskTestData.ministryWith("\"minimumCumulativeMinutes\": 15",
                "\"minimumCumulativeMinutes\": 15.0").closeContact().minimumCumulativeMinutes());
    }

    @Test
    void onsetDaysAndEnumsAreChecked() {
        assertEquals("daysSinceOnsetToInfectiousness key 15 must be in -14..14",
                errorWith("\"14\": \"none\"", "\"15\": \"none\""));
        assertEquals("daysSinceOnsetToInfectiousness key \"x\" must be a whole number of days in -14..14",
                errorWith("\"14\": \"none\"", "\"x\": \"none\""));
        assertEquals("daysSinceOnsetToInfectiousness.3 must be one of none, standard, high, was \"medium\"",
                errorWith("\"3\": \"high\"", "\"3\": \"medium\""));
        assertEquals("reportTypeWhenMissing must be one of confirmedTest, confirmedClinicalDiagnosis, selfReport,"
                        + " recursive, was \"revoked\"",
                errorWith("\"reportTypeWhenMissing\": \"confirmedTest\"", "\"reportTypeWhenMissing\": \"revoked\""));
        assertEquals("infectiousnessWhenDaysSinceOnsetMissing must be one of none, standard, high, was \"High\"",
                errorWith("\"infectiousnessWhenDaysSinceOnsetMissing\": \"standard\"",
                        "\"infectiousnessWhenDaysSinceOnsetMissing\": \"High\""));
        assertEquals("minimumWindowScore must be at least 0, was -1",
                errorWith("\"minimumWindowScore\": 0.0", "\"minimumWindowScore\": -1"));
    }

    @Test
    void missingAndUnknownFieldsAreNamed() {
        assertEquals("missing field closeContact.pathLossExponent",
                errorWith(",\n    \"pathLossExponent\": 2.66", ""));
        assertEquals("unknown field closeContact.distance (expected closeContactDistanceMeters,"
                        + " minimumCumulativeMinutes, referenceAttenuationDb, pathLossExponent)",
                errorWith("\"pathLossExponent\": 2.66", "\"pathLossExponent\": 2.66, \"distance\": 2"));
        assertTrue(errorWith("\"minimumWindowScore\": 0.0", "\"minimumWindowScore\": 0.0, \"minWindowScore\": 0")
                .startsWith("unknown field minWindowScore (expected name, description, closeContact,"));
        assertEquals("missing field name", errorWith("\"name\": \"vietnam-f1-ministry\",", ""));
        assertEquals("closeContact must be an object, was an array", error("{\"name\": \"x\", \"closeContact\": []}"));
        assertEquals("reportTypeWeights.recursive must be in 0..2.5, was 9",
                errorWith("\"recursive\": 1.0", "\"recursive\": 9"));
    }

    @Test
    void badJsonIsReportedWithItsPosition() {
        assertEquals("invalid JSON at line 1, column 9: expected a field name in double quotes", error("{\"a\": 1,}"));
        assertEquals("invalid JSON at line 1, column 15: duplicate field \"name\"",
                error("{\"name\": \"a\", \"name\": \"b\"}"));
        assertEquals("invalid JSON at line 2, column 3: unexpected content after the JSON value", error("{}\n  x"));
        assertEquals("invalid JSON at line 1, column 7: unexpected character 'N', expected a value",
                error("{\"a\": NaN}"));
        assertEquals("invalid JSON at line 1, column 7: leading zero in number", error("{\"a\": 01}"));
        assertEquals("invalid JSON at line 1, column 1: unexpected end of input, expected a value", error(""));
        assertEquals("the configuration must be a JSON object, was an array", error("[]"));
        assertEquals("the configuration must be a JSON object, was 5", error(" 5 "));
        assertEquals("the configuration must be a JSON object, was -500", error("-0.5e3"));
        assertEquals("invalid JSON at line 1, column 3: expected a digit after '.'", error("1."));
    }

    @Test
    void loadRejectsOversizedAndNonUtf8Input() {
        byte[] big = new byte[RiskConfiguration.MAX_JSON_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals("configuration is larger than 65536 bytes", assertThrows(RiskConfigurationException.class,
                () -> RiskConfiguration.load(new ByteArrayInputStream(big))).getMessage());
        assertEquals("configuration is not valid UTF-8", assertThrows(RiskConfigurationException.class,
                () -> RiskConfiguration.load(new ByteArrayInputStream(new byte[] {'{', (byte) 0xff, '}'}))).getMessage());
    }

    @Test
    void vietnameseDescriptionSurvivesTheRoundTrip() {
        RiskConfiguration v = RiskConfiguration.vietnamDefault();
        RiskConfiguration c = new RiskConfiguration("vn", "Tiếp xúc gần \"F1\"\ttrong 15 phút", v.closeContact(),
                v.attenuationThresholds(), v.attenuationWeights(), v.reportTypeWeights(), v.reportTypeWhenMissing(),
                v.infectiousnessWeights(), v.daysSinceOnsetToInfectiousness(),
                v.infectiousnessWhenDaysSinceOnsetMissing(), v.minimumWindowScore());
        assertEquals(c, RiskConfiguration.parse(c.toJson()));
        assertEquals("Tiếp xúc gần \"F1\"\ttrong 15 phút", RiskConfiguration.parse(c.toJson()).description());
    }
}
