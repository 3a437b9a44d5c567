package vn.bluezone.simulator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.bluezone.simulator.SimulationOutcome;

/** Writes report.html, metrics.json and contacts-sample.csv into a directory (created if needed). */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** With report.html in Vietnamese. */
    public static void write(SimulationOutcome o, Path dir) throws IOException {
        write(o, dir, ReportText.of("vi"));
    }

    public static void write(SimulationOutcome o, Path dir, ReportText text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.json"), Json.write(MetricsJson.build(o)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(o, text), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contacts-sample.csv"), ContactsCsv.render(o.withApp()), StandardCharsets.UTF_8);
    }
}
