package vn.bluezone.server.registry.attestation;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.RequiresPostgres;
import vn.bluezone.server.support.TestDatabase;

/**
 * {@link AttestationScenario} on PostgreSQL: the attested flag carried by the device row to the snapshot flush
 * ({@code rollup_attested}, issue 15 §5), the attested counters' upsert, the App Attest counter's conditional update.
 */
@RequiresPostgres
class AttestationPostgresIT extends AttestationScenario {
    private static String schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws IOException {
        schema = TestDatabase.postgres(r);
        attestation(r);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropPostgresSchema(schema);
    }
}
