package vn.bluezone.server.checkins;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/** Check-ins end to end over HTTP on H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false", "bluezone.checkins.enabled=false",
                "bluezone.public-url=https://bz.example.vn"})
@Import(TestClockConfig.class)
class CheckinServerH2Test extends CheckinServerTests {
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.keys.export.directory", () -> dir.resolve("exports").toString());
        r.add("bluezone.data-dir", () -> dir.toString());
    }
}
