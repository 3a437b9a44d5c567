package vn.bluezone.server.registry.attestation;

import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestDatabase;

/** {@link AttestationScenario} on H2 (the fast suite). */
class AttestationApiTest extends AttestationScenario {
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws IOException {
        TestDatabase.h2(r);
        attestation(r);
    }
}
