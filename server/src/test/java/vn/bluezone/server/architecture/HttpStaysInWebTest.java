package vn.bluezone.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §3: the features throw {@code problem.DomainException}s carrying an {@code ErrorCode}; {@code web/} alone
 * knows HTTP statuses. Outside {@code web/}, only controllers (and controller advice) may name {@code HttpStatus} or
 * {@code web.ErrorStatus}, and services and stores do not touch {@code org.springframework.http} or {@code web} at all.
 * Reads the sources, so a fully qualified name in the code counts like an import.
 */
class HttpStaysInWebTest {
    static final Path SOURCES = Path.of("src/main/java/vn/bluezone/server");
    private static final Pattern STATUS = Pattern.compile(
            "\\borg\\.springframework\\.http\\.HttpStatus\\b|\\bvn\\.bluezone\\.server\\.web\\.(ErrorStatus|ApiException)\\b");
    private static final Pattern HTTP_OR_WEB = Pattern.compile(
            "\\borg\\.springframework\\.http\\.|\\bvn\\.bluezone\\.server\\.web\\.");
    private static final Pattern CONTROLLER = Pattern.compile("(?m)^@(Rest)?Controller(Advice)?\\b");
    /** Not a controller, but the campaign pages' shared helper: it rethrows a refusal of rights as the page's 403. */
    private static final Set<String> PAGE_HELPERS = Set.of("campaign/CampaignPageModel.java");

    @Test
    void onlyControllersNameHttpStatuses() {
        assertThat(statusOutsideControllers(SOURCES)).isEmpty();
    }

    @Test
    void servicesAndStoresKnowNeitherHttpNorWeb() {
        assertThat(httpInServicesAndStores(SOURCES)).isEmpty();
    }

    @Test
    void theChecksFindAViolation() throws IOException {
        Path root = Files.createTempDirectory("http");
        write(root.resolve("web/ErrorStatus.java"), "package vn.bluezone.server.web;\nclass ErrorStatus {}\n");
        write(root.resolve("keys/KeysApi.java"), "package vn.bluezone.server.keys;\n"
                + "import org.springframework.http.HttpStatus;\n@RestController\nclass KeysApi {}\n");
        write(root.resolve("keys/KeyService.java"), "package vn.bluezone.server.keys;\nclass KeyService {}\n");
        assertThat(statusOutsideControllers(root)).isEmpty();
        assertThat(httpInServicesAndStores(root)).isEmpty();
        write(root.resolve("keys/KeyService.java"), "package vn.bluezone.server.keys;\n"
                + "class KeyService { Object s = org.springframework.http.HttpStatus.CONFLICT; }\n");
        assertThat(statusOutsideControllers(root)).containsExactly("keys/KeyService.java");
        assertThat(httpInServicesAndStores(root)).containsExactly("keys/KeyService.java");
    }

    static List<String> statusOutsideControllers(Path root) {
        return sources(root).filter(f -> !f.startsWith("web/") && !PAGE_HELPERS.contains(f))
                .filter(f -> STATUS.matcher(read(root, f)).find() && !CONTROLLER.matcher(read(root, f)).find())
                .toList();
    }

    static List<String> httpInServicesAndStores(Path root) {
        return sources(root).filter(f -> !f.startsWith("web/") && f.matches(".*(Service|Store)\\.java"))
                .filter(f -> HTTP_OR_WEB.matcher(read(root, f)).find()).toList();
    }

    private static Stream<String> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path root, String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
