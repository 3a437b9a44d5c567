package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles stay in step (same keys in Vietnamese and English, NFC text), and templates carry no literal UI
 * text: every word a reader sees comes from the bundles (issue 13, conventions). A template's placeholder content
 * inside an element with {@code th:text}/{@code th:utext}/{@code th:replace} is replaced at render time and is
 * not checked; nor are names that are the same in every language (Bluezone, A4, A3, API, ...).
 */
class MessageBundlesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Bluezone", "A4", "A3", "API", "PDF", "CSV",
            "XLSX", "QR", "OpenAPI");
    private static final Set<String> VOID = Set.of("input", "br", "meta", "link", "img", "hr", "source", "col");
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", Pattern.DOTALL);
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile(
            "(?<![:-])\\b(placeholder|title|alt|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeysInNfc() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> onlyVi = new TreeSet<>(vi.stringPropertyNames());
        onlyVi.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(vi.stringPropertyNames());
        assertThat(onlyVi).as("keys only in messages.properties").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
        for (Properties p : List.of(vi, en)) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertThat(Normalizer.isNormalized(v, Normalizer.Form.NFC)).as(k + " is NFC").isTrue();
                assertThat(v).as(k).isNotBlank();
            }
        }
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                problems.addAll(literals(f, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(problems).as("literal UI text in templates (use #{...} keys)").isEmpty();
    }

    /** The detector itself: it must find what it is there to find. */
    @Test
    void theDetectorFindsLiteralText() {
        assertThat(literals(Path.of("x.html"), "<p>Xin chào <span th:text=\"#{a}\">placeholder</span></p>"))
                .hasSize(1);
        assertThat(literals(Path.of("x.html"), "<input placeholder=\"Tên\">")).hasSize(1);
        assertThat(literals(Path.of("x.html"), "<p th:text=\"#{a}\">placeholder <b>bold</b></p> · <a>A4</a>"))
                .isEmpty();
        assertThat(literals(Path.of("x.html"), "<p th:if=\"${n > 1}\" th:text=\"#{a}\">x</p>")).isEmpty();
    }

    static List<String> literals(Path file, String html) {
        String s = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<title.*?</title>", "");
        List<String> problems = new ArrayList<>();
        Matcher attr = LITERAL_ATTRIBUTE.matcher(s);
        while (attr.find()) {
            problems.add(file.getFileName() + ": " + attr.group(1) + "=\"" + attr.group(2) + "\"");
        }
        Deque<Boolean> replaced = new ArrayDeque<>();
        Matcher m = TAG.matcher(s);
        int last = 0;
        while (m.find()) {
            check(file, s.substring(last, m.start()), replaced, problems);
            last = m.end();
            String name = m.group(2).toLowerCase();
            if (!m.group(1).isEmpty()) {
                if (!replaced.isEmpty()) {
                    replaced.pop();
                }
                continue;
            }
            if (!m.group(4).isEmpty() || VOID.contains(name)) {
                continue;
            }
            String attrs = m.group(3);
            boolean replaces = attrs.matches("(?s).*\\bth:(text|utext|replace|insert)=.*");
            replaced.push(replaces || (!replaced.isEmpty() && replaced.peek()));
        }
        check(file, s.substring(last), replaced, problems);
        return problems;
    }

    private static void check(Path file, String text, Deque<Boolean> replaced, List<String> problems) {
        if (!replaced.isEmpty() && replaced.peek()) {
            return;
        }
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("<!DOCTYPE")) {
            return;
        }
        for (String word : t.split("[^\\p{L}\\p{N}]+")) {
            if (word.chars().anyMatch(Character::isLetter) && !SAME_IN_EVERY_LANGUAGE.contains(word)) {
                problems.add(file.getFileName() + ": \"" + t + "\"");
                return;
            }
        }
    }
}
