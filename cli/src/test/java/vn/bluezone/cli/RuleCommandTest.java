package vn.bluezone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class RuleCommandTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = RuleCommandTest.class.getResourceAsStream(name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theDerivedPresetNeedsThirtyMinutes() throws IOException {
        CliRun r = CliRun.of("rule", "evaluate", "--preset", "vietnam-f1-derived", "--data",
                resource("/rule/field-histogram.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertTrue(r.out().contains("vietnam-f1-derived"), r.out());
        // The derived preset (<= 62 dB weight 1, >= 30 min): every exposure lasts 20 minutes, so none fires, not
        // even p1 at 1 m. Scores (7/8 of 55-63 dB counted): positives 1200, 1200, 1050; negatives 0, 1050, 1125:
        // AUC (6 + 1 + 0.5) / 9 = 0.83.
        assertEquals("rule TPR=0.00 FPR=0.00 J=0.00 AUC=0.83", lines[lines.length - 1]);
    }

    @Test
    void histogramFileGivesTheTableAndTheLastLine() throws IOException {
        // The default rule, without --preset: the Ministry's (the same output as --preset vietnam-f1-ministry).
        CliRun r = CliRun.of("rule", "evaluate", "--data", resource("/rule/field-histogram.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(r.out(), CliRun.of("rule", "evaluate", "--preset", "vietnam-f1-ministry", "--data",
                resource("/rule/field-histogram.csv").toString()).out());
        String[] lines = r.out().strip().split("\\R");
        // The Ministry preset (<=58 dB weight 1, >= 15 min): p1 at 1.0 and 1.5 m fire; p2 (55-63 dB, 3/8 below 58)
        // does not; nothing beyond 2 m fires (p4: 600 s in 50-55 + 3/8 of 600 s = 825 s < 900 s).
        assertEquals("rule TPR=0.67 FPR=0.00 J=0.67 AUC=0.83", lines[lines.length - 1]);
        assertTrue(r.out().contains("vietnam-f1-ministry"), r.out());
        assertTrue(r.out().contains("6 exposures of 4 pairs"), r.out());
        assertTrue(r.out().contains("swiss"), r.out());
        assertTrue(r.out().contains("german"), r.out());
        assertTrue(r.out().replaceAll(" +", " ").contains("italian <= 2.0 m 1.00 (0.44-1.00) 3/3"), r.out());
        assertTrue(r.out().contains("leave-one-pair-out, 4 folds"), r.out());
    }

    @Test
    void jsonHasEveryRuleAndTheCrossValidation() throws IOException {
        CliRun r = CliRun.of("rule", "evaluate", "--json", "--data",
                resource("/rule/field-histogram.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(8, j.get("rules").size());
        assertEquals("vietnam-f1-ministry", j.get("headline").get("rule").asString(), "the default");
        assertEquals(4, j.get("crossValidation").get("folds").asInt());
        assertEquals(3, j.get("rules").get(1).get("tpr").get("n").asInt(), "3 positives at <= 2 m");
    }

    @Test
    void rawScansAndAConfigFile() throws IOException {
        Path config = write("risk.json", vn.bluezone.protocol.risk.RiskConfiguration.vietnamDefault()
                .withCloseContact(1.0, 10).toJson());
        CliRun r = CliRun.of("rule", "evaluate", "--data",
                resource("/rule/field-raw.csv").toString(), "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        // a: 15 scans of 60 s at 48-53 dB (<= 50 dB near threshold of the 1 m rule: 10 scans = 600 s >= 10 min).
        assertTrue(r.out().strip().endsWith("rule TPR=1.00 FPR=0.00 J=1.00 AUC=1.00"), r.out());
    }

    @Test
    void theDublinTramValidationSetReproducesThePublishedFindings() throws IOException {
        Path tram = dir.resolve("tram.csv");
        try (InputStream in = RuleCommandTest.class.getResourceAsStream(
                "/vn/bluezone/simulator/radio/leith-farrell-dublin-tram-2020.csv")) {
            Files.copy(in, tram);
        }
        CliRun r = CliRun.of("rule", "evaluate", "--data", tram.toString());
        assertEquals(0, r.exitCode(), r.err());
        // Leith & Farrell (PLoS ONE 2020): Swiss and German rules trigger nothing; Italian TPR 50 %, FPR 50 %.
        String out = r.out().replaceAll(" +", " ");
        assertTrue(out.contains("swiss <= 2.0 m 0.00 (0.00-0.10) 0/34 0.00 (0.00-0.09) 0/38"), r.out());
        assertTrue(out.contains("german <= 2.0 m 0.00 (0.00-0.10) 0/34 0.00 (0.00-0.09) 0/38"), r.out());
        assertTrue(out.contains("italian <= 2.0 m 0.47 (0.31-0.63) 16/34 0.47 (0.32-0.63) 18/38 0.00"), r.out());
        assertTrue(out.contains("72 exposures of 54 pairs"), r.out());
    }

    @Test
    void everyBadInputIsOneLineAndStatusTwo() throws IOException {
        Path badRow = write("bad.csv", "pair_id,environment,distance_m,duration_s,att_lt_50,att_ge_50\n"
                + "a,x,1,900,900,0\nb,x,two,900,0,900\n");
        Path badHeader = write("header.csv", "who,where\n");
        Path empty = write("empty.csv", "");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'p', 'a', 'i', 'r', (byte) 0xE9, '\n'});
        Path badConfig = write("risk.json", "{\"name\": \"x\"}");
        String[][] cases = {
                {"line 3: distance_m must be a number", "rule", "evaluate", "--data", badRow.toString()},
                {"line 1: expected the header", "rule", "evaluate", "--data", badHeader.toString()},
                {"the file is empty", "rule", "evaluate", "--data", empty.toString()},
                {"not valid UTF-8", "rule", "evaluate", "--data", latin1.toString()},
                {"no such file", "rule", "evaluate", "--data", dir.resolve("missing.csv").toString()},
                {"--config", "rule", "evaluate", "--data", badRow.toString(), "--config", badConfig.toString()},
                {"--preset: unknown risk preset \"ministry\"; known: vietnam-f1-ministry, vietnam-f1-derived", "rule",
                        "evaluate", "--data", badRow.toString(), "--preset", "ministry"},
                {"--config and --preset exclude each other", "rule", "evaluate", "--data", badRow.toString(),
                        "--config", badConfig.toString(), "--preset", "vietnam-f1-ministry"},
                {"Missing required option", "rule", "evaluate"},
                {"Unknown option", "rule", "evaluate", "--data", badRow.toString(), "--bogus"},
                {"missing subcommand", "rule"}};
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRun r = CliRun.of(args);
            assertEquals(Main.EXIT_ERROR, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[0]), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.err().strip().split("\\R").length, r.err());
            assertEquals("", r.out(), "nothing on stdout for " + String.join(" ", args));
        }
    }
}
