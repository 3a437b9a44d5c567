package vn.bluezone.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs the annotated test class only when a PostgreSQL test database is given; prints why it is skipped. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    /** The JUnit condition behind the annotation. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = TestDatabase.postgresUrl();
            if (url == null || url.isBlank()) {
                String reason = "skipped " + context.getDisplayName() + ": " + TestDatabase.POSTGRES_ENV
                        + " is not set (set it to a PostgreSQL JDBC URL to run the PostgreSQL integration tests)";
                if (context.getTestMethod().isEmpty()) {
                    System.out.println(reason);
                }
                return ConditionEvaluationResult.disabled(reason);
            }
            return ConditionEvaluationResult.enabled("PostgreSQL test database given");
        }
    }
}
