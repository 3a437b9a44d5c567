package vn.bluezone.server.keys;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;
import vn.bluezone.server.support.TestClockConfig;

/** The same end-to-end test on PostgreSQL (BLUEZONE_TEST_POSTGRES_URL). */
@PostgresSchemaPerTestClass
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false"})
@Import(TestClockConfig.class)
@DirtiesContext
class EndToEndPostgresIT extends EndToEndTests {
    @TempDir
    static Path exports;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("bluezone.keys.export.directory", () -> exports.toString());
    }
}
