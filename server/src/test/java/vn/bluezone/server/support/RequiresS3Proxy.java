package vn.bluezone.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated test class only when the S3Proxy jar is there (Maven copies it; an IDE run may not have it);
 * prints why it is skipped. A jar that is there but fails to start fails the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresS3Proxy.Condition.class)
public @interface RequiresS3Proxy {

    /** The JUnit condition behind the annotation. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (S3Proxy.jar() == null) {
                String reason = "skipped " + context.getDisplayName() + ": no S3Proxy jar (system property "
                        + S3Proxy.JAR_PROPERTY + " or " + S3Proxy.JAR_ENV + "; `mvn -pl server test` copies it to "
                        + "server/target/s3proxy/s3proxy.jar)";
                if (context.getTestMethod().isEmpty()) {
                    System.out.println(reason);
                }
                return ConditionEvaluationResult.disabled(reason);
            }
            return ConditionEvaluationResult.enabled("S3Proxy jar present");
        }
    }
}
