package vn.bluezone.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text the user sees comes from {@code res/values/strings.xml} (Vietnamese) and
 * {@code res/values-en/strings.xml} (English): no literal in a layout attribute that shows text, no string
 * literal handed to {@code setText}, {@code setTitle}, {@code setMessage}, {@code setContentTitle},
 * {@code setContentText} or a toast, and both languages have the same names.
 */
class NoHardCodedTextTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Pattern LAYOUT_TEXT = Pattern.compile(
            "android:(text|hint|contentDescription|title|label)=\"([^\"]*)\"");
    private static final Pattern CODE_TEXT = Pattern.compile(
            "\\.(setText|setTitle|setMessage|setContentTitle|setContentText|setHint|makeText)\\(([^;]*?)\"");
    private static final Pattern STRING_NAME =
            Pattern.compile("<string name=\"([^\"]+)\"(?![^>]*translatable=\"false\")");

    @Test
    void layoutsTakeTheirTextsFromTheResources() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files(MAIN.resolve("res"), ".xml")) {
            if (f.toString().contains("/values")) {
                continue;
            }
            String text = Files.readString(f);
            Matcher m = LAYOUT_TEXT.matcher(text);
            while (m.find()) {
                if (!m.group(2).startsWith("@") && !m.group(2).startsWith("?")) {
                    found.add(f + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "text literals in layouts");
    }

    @Test
    void codeHandsNoStringLiteralToAView() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources = files(MAIN.resolve("java"), ".java");
        assertTrue(sources.size() > 20, "the app's sources were found: " + sources.size());
        for (Path f : sources) {
            String[] lines = Files.readString(f).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (CODE_TEXT.matcher(lines[i]).find()) {
                    found.add(f + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found, "string literals given to views or notifications");
    }

    @Test
    void theCheckCatchesALiteral() {
        assertTrue(CODE_TEXT.matcher("view.setText(\"Xin chào\");").find());
        assertTrue(CODE_TEXT.matcher("view.setText(flag ? R.string.a : \"x\");").find());
        assertTrue(!CODE_TEXT.matcher("view.setText(getString(R.string.a, n));").find());
        Matcher m = LAYOUT_TEXT.matcher("<TextView android:text=\"Hello\" />");
        assertTrue(m.find() && !m.group(2).startsWith("@"));
    }

    @Test
    void vietnameseAndEnglishHaveTheSameStrings() throws IOException {
        Set<String> vi = names(MAIN.resolve("res/values/strings.xml"));
        Set<String> en = names(MAIN.resolve("res/values-en/strings.xml"));
        assertTrue(vi.size() > 50, "strings: " + vi.size());
        assertEquals(vi, en);
    }

    private static Set<String> names(Path f) throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = STRING_NAME.matcher(Files.readString(f));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
