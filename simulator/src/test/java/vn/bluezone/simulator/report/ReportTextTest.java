package vn.bluezone.simulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's two bundles have the same keys, and the report's Java holds no Vietnamese text of its own. */
class ReportTextTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(ReportText.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties vi = load("report.properties");
        Properties en = load("report_en.properties");
        assertEquals(new TreeSet<>(vi.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (String k : vi.stringPropertyNames()) {
            assertEquals(count(vi.getProperty(k)), count(en.getProperty(k)), "arguments of " + k);
        }
    }

    private static long count(String pattern) {
        return Pattern.compile("\\{\\d\\}").matcher(pattern).results().map(java.util.regex.MatchResult::group).distinct().count();
    }

    @Test
    void theReportCodeHasNoVietnameseLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = Path.of("src", "main", "java", "vn", "bluezone", "simulator", "report");
        Pattern literal = Pattern.compile("\"([^\"\\\\\\n]|\\\\.)*\"");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = literal.matcher(src);
                while (m.find()) {
                    String nfd = Normalizer.normalize(m.group(), Normalizer.Form.NFD);
                    if (nfd.chars().anyMatch(c -> c >= 0x0300 && c <= 0x036F || c == 'đ' || c == 'Đ')) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "Vietnamese text in the report's Java: " + found);
    }
}
