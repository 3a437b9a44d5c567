package vn.bluezone.server.registry;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the registry's Spring tests: one in-memory H2 database in PostgreSQL mode (the product's default engine),
 * shared by the test classes through Spring's context cache. PostgreSQL runs in the *PostgresIT classes.
 */
@SpringBootTest(properties = {
        "bluezone.db.url=jdbc:h2:mem:registrytest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "bluezone.demo.enabled=false"})
@org.springframework.context.annotation.Import(vn.bluezone.server.support.TestClockConfig.class)
public abstract class RegistryTestSupport {
}
