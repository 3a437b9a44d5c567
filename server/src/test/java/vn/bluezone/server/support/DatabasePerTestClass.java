package vn.bluezone.server.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What {@link H2PerTestClass} and {@link PostgresSchemaPerTestClass} do, in place of the per-class
 * {@code @DynamicPropertySource} and {@code @AfterAll} blocks the tests repeated. The test class is part of the
 * customizer's identity, so it is part of Spring's context cache key: no two test classes share a database, as
 * with their own property-source methods before.
 */
public final class DatabasePerTestClass {
    /** PostgreSQL schemas made for test classes whose {@code @AfterAll} has not dropped them yet. */
    private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();

    private DatabasePerTestClass() {
    }

    /** Registered by both annotations; gives a customizer to the classes that carry one of them. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            if (TestContextAnnotationUtils.hasAnnotation(testClass, PostgresSchemaPerTestClass.class)) {
                return new Customizer(testClass, true);
            }
            if (TestContextAnnotationUtils.hasAnnotation(testClass, H2PerTestClass.class)) {
                return new Customizer(testClass, false);
            }
            return null;
        }
    }

    /** Points the application's database settings at a new H2 database or PostgreSQL schema for {@code testClass}. */
    record Customizer(Class<?> testClass, boolean postgres) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> db;
            if (postgres) {
                String schema = "bz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                SCHEMAS.put(testClass, schema);
                db = TestDatabase.postgresProperties(schema);
            } else {
                db = TestDatabase.h2Properties();
            }
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("database of " + testClass.getSimpleName(), db));
        }
    }

    /** Drops the class's PostgreSQL schema after its last test. */
    public static final class DropSchema implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            TestDatabase.dropPostgresSchema(SCHEMAS.remove(context.getRequiredTestClass()));
        }
    }
}
