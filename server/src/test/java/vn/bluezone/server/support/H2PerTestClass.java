package vn.bluezone.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/** A Spring test class gets an in-memory H2 database (PostgreSQL mode) of its own ({@link TestDatabase#h2}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(DatabasePerTestClass.Factory.class)
public @interface H2PerTestClass {
}
