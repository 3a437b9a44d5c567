package vn.bluezone.server.db;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a statement that may fail on purpose (an insert that can hit a unique key) inside a savepoint of the
 * caller's transaction. Why: PostgreSQL aborts the whole transaction on any error, so "insert, and on a duplicate
 * draw another code / update instead" fails with "current transaction is aborted" unless the failed statement is
 * rolled back to a savepoint first. H2 does not need it; both get the same code path. Without a transaction the
 * work runs in its own.
 */
@Component
public class Savepoints {
    private final TransactionTemplate nested;

    public Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work}; if it throws, only its own statements are undone and the exception is rethrown. */
    public <T> T attempt(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }

    /** As {@link #attempt(Supplier)} for work without a result. */
    public void attempt(Runnable work) {
        nested.executeWithoutResult(status -> work.run());
    }
}
