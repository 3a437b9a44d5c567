package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.bluezone.protocol.ReportType;

/** Helpers shared by the risk tests: configurations edited from a shipped preset, and hand-made windows. */
final class RiskTestData {
    /** 2021-08-02T08:00:00Z, a morning in Vietnam (15:00 local). */
    static final Instant T0 = Instant.parse("2021-08-02T08:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2021-08-02");

    private RiskTestData() {
    }

    /**
     * The Ministry preset (15 minutes within 2 m, 58 dB) as JSON with each {@code from} (which must occur exactly
     * once) replaced by the following {@code to}: pairs of strings. The validation and weighting tests edit this
     * preset by name (it is also the default) so that their edits and messages name the Ministry's
     * 2 m / 58 dB / 15 min whatever the default; the derived preset has its own tests.
     */
    static String ministryJsonWith(String... fromTo) {
        String json = RiskConfiguration.ministryF1().toJson();
        for (int i = 0; i < fromTo.length; i += 2) {
            json = replaceOnce(json, fromTo[i], fromTo[i + 1]);
        }
        return json;
    }

    static RiskConfiguration ministryWith(String... fromTo) {
        return RiskConfiguration.parse(ministryJsonWith(fromTo));
    }

    static String replaceOnce(String text, String from, String to) {
        int first = text.indexOf(from);
        assertEquals(first, text.lastIndexOf(from), "\"" + from + "\" must occur exactly once");
        if (first < 0) {
            throw new AssertionError("\"" + from + "\" not found in " + text);
        }
        return text.substring(0, first) + to + text.substring(first + from.length());
    }

    /** A window with one scan per entry of {@code scans}: {typicalAttenuation, secondsSinceLastScan}. */
    static ExposureWindow window(Instant start, ReportType type, Infectiousness infectiousness, int[]... scans) {
        List<ScanInstance> list = new java.util.ArrayList<>();
        for (int[] s : scans) {
            list.add(new ScanInstance(s[0], s[0], s[1]));
        }
        return new ExposureWindow(start, type, infectiousness, CalibrationConfidence.HIGH, list);
    }

    static ExposureWindow window(int typicalAttenuation, int seconds) {
        return window(T0, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD, new int[] {typicalAttenuation, seconds});
    }

    static int[] scan(int typicalAttenuation, int seconds) {
        return new int[] {typicalAttenuation, seconds};
    }
}
