package vn.bluezone.server.keys;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/** End to end over HTTP on H2, export files in a temporary directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false"})
@Import(TestClockConfig.class)
class EndToEndH2Test extends EndToEndTests {
    @TempDir
    static Path exports;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.keys.export.directory", () -> exports.toString());
    }
}
