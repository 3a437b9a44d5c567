package vn.bluezone.simulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Axis numbers follow the report's language (issue 13: 1.234,5 everywhere, charts included). */
class ChartTest {
    @Test
    void axisNumbersUseTheReportsLanguage() {
        Chart vi = Chart.in(ReportText.VIETNAMESE, "t", "x", "y", 0, 1, 0, 1);
        assertEquals("1.234,5", vi.label(1234.5));
        assertEquals("2.000", vi.label(2000));
        assertEquals("0,25", vi.label(0.25));
        Chart en = Chart.in(Locale.ENGLISH, "t", "x", "y", 0, 1, 0, 1);
        assertEquals("1,234.5", en.label(1234.5));
        assertEquals("0.25", en.label(0.25));
    }

    @Test
    void theDrawnAxisCarriesThoseNumbers() {
        String svg = Chart.in(ReportText.VIETNAMESE, "t", "x", "y", 0, 1, 0, 5000)
                .line("a", "#000", new double[] {0, 1}, new double[] {0, 5000}, false).svg();
        assertTrue(svg.contains(">0,2<") || svg.contains(">0,5<"), svg);
        assertTrue(svg.contains(">1.000<"), svg);
        assertFalse(svg.contains(">0.5<") || svg.contains(">1000<"), svg);
    }
}
