package vn.bluezone.server.keys.verification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/** The shared limiter on H2. */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
        "bluezone.keys.rate-limit.shared=true", "bluezone.keys.rate-limit.client-burst=3",
        "bluezone.keys.rate-limit.client-per-hour=18"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class SharedAttemptLimiterH2Test extends SharedAttemptLimiterTests {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }
}
