package vn.bluezone.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring test class runs on PostgreSQL, in a new schema of the test database ({@code BLUEZONE_TEST_POSTGRES_URL})
 * dropped after its last test; without the variable the class is skipped with a printed reason
 * ({@link RequiresPostgres}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RequiresPostgres
@ExtendWith(DatabasePerTestClass.DropSchema.class)
@ContextCustomizerFactories(DatabasePerTestClass.Factory.class)
public @interface PostgresSchemaPerTestClass {
}
