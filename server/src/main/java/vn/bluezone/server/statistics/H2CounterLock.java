package vn.bluezone.server.statistics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On H2 only: one transaction at a time writes the counters, from its first counter write to its commit. H2 (2.4)
 * handles concurrent MERGEs on the same rows badly: a duplicate key for another's uncommitted row, "Transaction N has
 * status ROLLING_BACK" while another rolls a statement back, and lock timeouts under load; a stress test of 240
 * concurrent registrations and heartbeats failed about once in 25 runs. H2 is the single-process development and demo
 * database, so serialising these short writes costs little; PostgreSQL never takes this lock.
 */
final class H2CounterLock {
    /** Longer than any counter transaction should take on a loaded machine; a hang would be worse than an error. */
    static final long WAIT_SECONDS = 30;

    private final ReentrantLock lock = new ReentrantLock(true);

    /** Runs {@code write} holding the lock; inside a transaction the lock is kept until the transaction completes. */
    void write(Runnable write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            acquire();
            try {
                write.run();
            } finally {
                lock.unlock();
            }
            return;
        }
        if (!lock.isHeldByCurrentThread()) {
            acquire();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.unlock();
                }
            });
        }
        write.run();
    }

    private void acquire() {
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new CannotAcquireLockException("counter lock not acquired in " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("interrupted waiting for the counter lock", e);
        }
    }
}
