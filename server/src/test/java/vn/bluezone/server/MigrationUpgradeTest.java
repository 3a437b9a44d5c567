package vn.bluezone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database made by the previous release upgrades: every migration is applied except the newest one of the keys
 * folder (a lower version than the registry's and campaign's), then the server starts on it with its own
 * configuration. Feature folders number their migrations in ranges, so a new migration of one feature is usually
 * below versions already applied; the server must apply it rather than refuse to start.
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false"})
class MigrationUpgradeTest {
    private static String held;

    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void previousRelease(DynamicPropertyRegistry registry) throws Exception {
        Path all = Path.of(MigrationUpgradeTest.class.getResource("/db/migration").toURI());
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(all)) {
            scripts = s.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList();
        }
        Path newestKeys = scripts.stream().filter(p -> p.getParent().getFileName().toString().equals("keys"))
                .max(Comparator.comparingInt(MigrationUpgradeTest::version)).orElseThrow();
        int highest = scripts.stream().mapToInt(MigrationUpgradeTest::version).max().orElseThrow();
        assertThat(version(newestKeys)).as("the test needs a keys migration below another feature's").isLessThan(highest);
        held = "V" + version(newestKeys);

        Path previous = Files.createTempDirectory("bz-previous-release");
        for (Path p : scripts) {
            if (!p.equals(newestKeys)) {
                Files.copy(p, previous.resolve(p.getFileName()));
            }
        }
        String url = "jdbc:h2:mem:upgrade" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + previous).load().migrate();
        registry.add("bluezone.db.url", () -> url);
        registry.add("bluezone.db.user", () -> "sa");
        registry.add("bluezone.db.password", () -> "");
    }

    private static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    @Test
    void theHeldBackMigrationIsAppliedOnStart() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = ? AND success",
                Long.class, held.substring(1))).isEqualTo(1L);
    }
}
