package vn.bluezone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8),
                    e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void writesTheThreeFilesAndShowsProgress(@TempDir Path dir) {
        String[] r = run("simulate", "--population", "800", "--days", "6", "--adoption", "0.5", "--seed", "2",
                "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(Files.exists(dir.resolve("metrics.json")));
        assertTrue(Files.exists(dir.resolve("contacts-sample.csv")));
        assertTrue(r[2].contains("day 6/6"), "progress bar on stderr: " + r[2]);
        assertTrue(r[1].contains("attack rate"), r[1]);
    }

    @Test
    void theDerivedRuleCanBeSimulatedAndTheMinistryRuleIsTheDefault(@TempDir Path dir) throws Exception {
        String[] r = run("simulate", "--population", "800", "--days", "6", "--adoption", "0.5", "--seed", "2",
                "--risk-preset", "vietnam-f1-derived", "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        String metrics = Files.readString(dir.resolve("metrics.json")).replace(" ", "");
        assertTrue(metrics.contains("\"riskConfiguration\":\"vietnam-f1-derived\""), metrics);
        assertTrue(metrics.contains("\"nearMinutesThreshold\":30"), metrics);
        assertTrue(metrics.contains("\"nearThresholdDb\":61.99"), metrics);
        String[] d = run("simulate", "--population", "800", "--days", "6", "--adoption", "0.5", "--seed", "2",
                "--out", dir.resolve("default").toString());
        assertEquals("0", d[0], d[2]);
        String byDefault = Files.readString(dir.resolve("default").resolve("metrics.json")).replace(" ", "");
        assertTrue(byDefault.contains("\"riskConfiguration\":\"vietnam-f1-ministry\""), byDefault);
        assertTrue(byDefault.contains("\"nearMinutesThreshold\":15"), byDefault);
        assertTrue(byDefault.contains("\"nearThresholdDb\":58.31"), byDefault);
    }

    @Test
    void langEnWritesTheReportInEnglish(@TempDir Path dir) throws Exception {
        String[] r = run("simulate", "--population", "800", "--days", "6", "--adoption", "0.5", "--seed", "2",
                "--lang", "en", "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("Bluezone simulation – Xã Quảng Ngạn"),
                html.substring(0, 300));
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo(@TempDir Path dir) {
        String out = dir.toString();
        String[][] bad = {
                {"simulate", "--population", "1", "--out", out},
                {"simulate", "--adoption", "1.5", "--out", out},
                {"simulate", "--days", "0", "--out", out},
                {"simulate", "--sweep-adoption", "0,x", "--out", out},
                {"simulate", "--mode", "radio", "--out", out},
                {"simulate", "--mode", "engines", "--phone-storage", "paper", "--out", out},
                {"simulate", "--mode", "engines", "--server", "http://127.0.0.1:1", "--api-key", "bz_x",
                        "--population", "50", "--out", out},
                {"simulate", "--server", "http://127.0.0.1:1", "--population", "50", "--out", out},
                {"simulate", "--server", "not a url", "--population", "50", "--out", out},
                {"simulate", "--seeds", "0", "--sweep-adoption", "0.2", "--out", out},
                {"simulate", "--adoption-by-age", "0.1,0.2", "--out", out},
                {"simulate", "--checkin-share", "1.5", "--out", out},
                {"simulate", "--checkin-min-overlap", "0", "--out", out},
                {"simulate", "--shared-air-quanta", "-1", "--out", out},
                {"simulate", "--other-measures", "0", "--out", out},
                {"simulate", "--other-measures", "1.5", "--out", out},
                {"simulate", "--mode", "engines", "--checkin-share", "0.5", "--population", "50", "--out", out},
                {"simulate", "--lang", "fr", "--out", out},
                {"simulate", "--risk-preset", "vietnam-f1", "--out", out},
        };
        for (String[] args : bad) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            String err = r[2].strip();
            assertTrue(err.startsWith("error: "), err);
            assertEquals(1, err.lines().count(), err);
        }
    }
}
