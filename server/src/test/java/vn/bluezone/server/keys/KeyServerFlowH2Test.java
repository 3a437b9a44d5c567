package vn.bluezone.server.keys;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/** Verification and submission on H2. */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
        // The flow and the per-address limiter; the guess budget and prefix limits have their own tests
        // (GuessingAttackIT, NetworkLimiterTest), and this class's many codes and guesses share one frozen clock.
        "bluezone.keys.guessing.enabled=false", "bluezone.network-limits.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class KeyServerFlowH2Test extends KeyServerFlowTests {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }
}
