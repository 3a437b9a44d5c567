package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.bluezone.simulator.report.ContactsCsv;
import vn.bluezone.simulator.report.ReportFiles;

class ReportFilesTest {

    private static SimulationOutcome outcome(long seed) {
        SimulationConfig c = Scenarios.small(1500, 15, seed);
        c.seedInfections = 4;
        return Simulator.simulate(c, new double[] {0.5}, 2, ProgressListener.NONE);
    }

    @Test
    void writesWellFormedReportFiles(@TempDir Path dir) throws Exception {
        ReportFiles.write(outcome(1), dir);

        JsonNode m = new ObjectMapper().readTree(Files.readString(dir.resolve("metrics.json")));
        assertEquals(19873, m.get("commune").asInt());
        assertEquals(1500, m.get("population").get("people").asInt());
        double ar = m.get("impact").get("attackRateWithApp").asDouble();
        assertTrue(ar > 0 && ar <= 1);
        assertTrue(m.get("detection").get("pairDays").has("precision"));
        assertEquals(7, m.get("detection").get("byRadioNoise").size());
        assertEquals(2, m.get("sweep").get("levels").size(), "0 is added as the baseline");
        assertEquals(0.8, m.get("published").get("reductionPercentPerUptakePointModelling").asDouble());
        assertTrue(m.get("speed").has("medianHoursFromConfirmationToWarning"));
        JsonNode room = m.get("parameters").get("radioEnvironments").get("room");
        assertEquals(vn.bluezone.device.sim.Environment.ROOM.slopeDbPerDecade(), room.get("slopeDbPerDecade").asDouble(),
                "the parameters list the path loss that drives the run");
        assertFalse(m.get("parameters").has("radioPathLossExponent"), "no figure that drives nothing");

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        // Vietnamese title with the commune's name; the single-run headline says it has no interval.
        assertTrue(html.contains("<html lang=\"vi\">"));
        assertTrue(html.contains("<title>Mô phỏng Bluezone – Xã Quảng Ngạn (mã 19873)</title>"), html.substring(0, 400));
        assertTrue(html.contains("<h1>Mô phỏng Bluezone – Xã Quảng Ngạn (mã 19873)</h1>"));
        assertFalse(html.contains("Bluezone simulation, commune"), "single-language title");
        Matcher headline = Pattern.compile("<p><b>[^<]*ca nhiễm tránh được[^<]*</b>([^<]*)").matcher(html);
        assertTrue(headline.find());
        assertTrue(headline.group(0).contains("trong một lần chạy")
                && html.contains("Một lần chạy không cho khoảng tin cậy"), headline.group(0));
        assertFalse(html.contains("<script"), "self-contained and static");
        assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            // Each inline SVG must be well-formed XML.
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(4, charts, "epidemic curve, noise curve, warning delays, sweep");

        List<String> csv = Files.readAllLines(dir.resolve("contacts-sample.csv"));
        assertEquals(ContactsCsv.HEADER, csv.get(0));
        assertTrue(csv.size() > 10, "a sample of episodes");
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertEquals(13, f.length, line);
            int duration = Integer.parseInt(f[8]);
            assertEquals(duration / 5, f[12].split(";").length, "one distance per 5-minute scan: " + line);
        }
    }

    @Test
    void englishReportHasTheSameContentInEnglishWords(@TempDir Path vi, @TempDir Path en) throws Exception {
        SimulationOutcome o = outcome(2);
        ReportFiles.write(o, vi);
        ReportFiles.write(o, en, vn.bluezone.simulator.report.ReportText.of("en"));
        String html = Files.readString(en.resolve("report.html"));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>Bluezone simulation – Xã Quảng Ngạn (code 19873)</h1>"), html.substring(0, 400));
        assertTrue(html.contains("infections averted in one run</b>")
                && html.contains("One run gives no confidence interval"));
        assertTrue(html.contains("Close-contact detection") && html.contains("What is each point of adoption worth?"));
        // English numbers: 1,500 people, a decimal point.
        assertTrue(html.contains("<p>1,500 people in "), html.substring(html.indexOf("<h1>"), html.indexOf("<h2>")));
        assertTrue(Files.readString(vi.resolve("report.html")).contains("<p>1.500 người trong "));
        // No Vietnamese words left but the commune's name, and the same charts and figures as the Vietnamese report.
        String words = html.replace("Xã Quảng Ngạn", "");
        assertFalse(java.text.Normalizer.normalize(words, java.text.Normalizer.Form.NFD).chars()
                .anyMatch(ch -> ch >= 0x0300 && ch <= 0x036F && ch != 0x0303 || ch == 'đ'), "Vietnamese left in English");
        assertEquals(Files.readString(vi.resolve("metrics.json")), Files.readString(en.resolve("metrics.json")));
        assertEquals(count(Files.readString(vi.resolve("report.html")), "<svg "), count(html, "<svg "));
        assertThrows(IllegalArgumentException.class, () -> vn.bluezone.simulator.report.ReportText.of("fr"));
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void sameSeedGivesIdenticalMetrics(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
        ReportFiles.write(outcome(3), a);
        ReportFiles.write(outcome(3), b);
        ReportFiles.write(outcome(4), c);
        String ma = Files.readString(a.resolve("metrics.json"));
        assertEquals(ma, Files.readString(b.resolve("metrics.json")));
        assertEquals(Files.readString(a.resolve("contacts-sample.csv")),
                Files.readString(b.resolve("contacts-sample.csv")));
        assertNotEquals(ma, Files.readString(c.resolve("metrics.json")));
    }
}
