package vn.bluezone.server.keys;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;
import vn.bluezone.server.support.TestClockConfig;

/** The same verification and submission tests on PostgreSQL (BLUEZONE_TEST_POSTGRES_URL). */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
        // The flow and the per-address limiter; the guess budget and prefix limits have their own tests
        // (GuessingAttackIT, NetworkLimiterTest), and this class's many codes and guesses share one frozen clock.
        "bluezone.keys.guessing.enabled=false", "bluezone.network-limits.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@DirtiesContext
class KeyServerFlowPostgresIT extends KeyServerFlowTests {
}
