package vn.bluezone.server.keys.verification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;
import vn.bluezone.server.support.TestClockConfig;

/** The shared limiter on PostgreSQL (BLUEZONE_TEST_POSTGRES_URL), where a failed INSERT aborts the transaction. */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
        "bluezone.keys.rate-limit.shared=true", "bluezone.keys.rate-limit.client-burst=3",
        "bluezone.keys.rate-limit.client-per-hour=18"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@DirtiesContext
class SharedAttemptLimiterPostgresIT extends SharedAttemptLimiterTests {
}
