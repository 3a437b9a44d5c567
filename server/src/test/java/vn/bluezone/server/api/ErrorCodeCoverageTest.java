package vn.bluezone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

/**
 * The enum and the server say the same: every code the server sends comes from {@link ErrorCode} (no code left as
 * an inline string where an error is built), every constant is sent by some server code (no stale entries), every
 * code the server READMEs name as an error is in the enum, and api/README.md documents every constant.
 */
class ErrorCodeCoverageTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CONSTANT = Pattern.compile("ErrorCode\\.([A-Z][A-Z0-9_]+)");
    /** Places where an error or problem code is built; a quoted code there bypasses the enum. */
    private static final Pattern INLINE = Pattern.compile(
            "(?:badRequest|notFound|forbidden|conflict|serviceUnavailable|new DomainException|new CampaignProblem|new CheckinProblem|new Conflict"
                    + "|new ApiError|new ImportProblem|new ImportError|rejected|reason\\s*=)\\s*\\(?[^;]{0,80}?"
                    + "\"([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,})\"");

    private static List<Path> sources() {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noErrorCodeIsWrittenInline() {
        List<String> inline = new ArrayList<>();
        for (Path p : sources()) {
            Matcher m = INLINE.matcher(read(p));
            while (m.find()) {
                inline.add(MAIN.relativize(p) + ": \"" + m.group(1) + "\"");
            }
        }
        assertThat(inline).as("codes written as strings instead of ErrorCode constants").isEmpty();
    }

    @Test
    void everyConstantIsSentByTheServer() {
        Set<String> used = new TreeSet<>();
        for (Path p : sources()) {
            Matcher m = CONSTANT.matcher(read(p));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Set<String> declared = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("the server refers to these codes").isSubsetOf(declared);
        assertThat(declared).as("constants no server code sends").containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void everyCodeTheServerReadmesListIsInTheEnum() {
        // The READMEs list codes in backticks after "Error codes" / "Rules enforced"; read those sections only.
        Set<String> listed = new TreeSet<>();
        Map<Path, String> sections = Map.of(Path.of("README.md"), "### Error codes (common)",
                Path.of("src/main/java/vn/bluezone/server/keys/README.md"), "## Rules enforced");
        for (Map.Entry<Path, String> e : sections.entrySet()) {
            Path readme = e.getKey();
            String text = read(readme);
            for (String heading : List.of(e.getValue())) {
                int from = text.indexOf(heading);
                assertThat(from).as(readme + " has the section " + heading).isNotNegative();
                int to = text.indexOf("\n#", from + heading.length());
                Matcher m = Pattern.compile("`([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,})`")
                        .matcher(text.substring(from, to < 0 ? text.length() : to));
                while (m.find()) {
                    listed.add(m.group(1));
                }
            }
        }
        listed.removeAll(Set.of("ACCEPTED", "REJECTED"));
        assertThat(listed).hasSizeGreaterThan(40);
        Set<String> declared = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(declared).containsAll(listed);
    }

    @Test
    void apiReadmeDocumentsEveryConstant() {
        String readme = read(Path.of("../api/README.md"));
        List<String> missing = Arrays.stream(ErrorCode.values()).map(Enum::name)
                .filter(c -> !readme.contains("`" + c + "`")).toList();
        assertThat(missing).as("constants missing from api/README.md").isEmpty();
    }
}
