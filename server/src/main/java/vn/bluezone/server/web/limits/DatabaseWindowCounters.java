package vn.bluezone.server.web.limits;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.Savepoints;

/**
 * {@link WindowCounters} in the table {@code attempt_window} (migration V102), shared by every server instance on
 * the database: each change is one short transaction, an UPDATE of the window's row, or an INSERT inside a savepoint
 * when the row is new (as {@code SharedAttemptLimiter} does: a concurrent insert by another instance must not abort
 * the transaction on PostgreSQL). Rows of ended windows are deleted every 10 minutes.
 */
public class DatabaseWindowCounters implements WindowCounters {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Savepoints savepoints;
    private final Clock clock;

    public DatabaseWindowCounters(JdbcTemplate jdbc, TransactionTemplate tx, Savepoints savepoints, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.savepoints = savepoints;
        this.clock = clock;
    }

    @Override
    public long add(String subject, long windowStart, long windowEnd, int delta) {
        Long n = tx.execute(status -> {
            if (bump(subject, windowStart, delta) == 0) {
                try {
                    savepoints.attempt(() -> jdbc.update("""
                            INSERT INTO attempt_window (subject, window_start, window_end, attempts)
                            VALUES (?, ?, ?, ?)""", subject, windowStart, windowEnd, delta));
                    return (long) delta;
                } catch (DuplicateKeyException raced) {
                    bump(subject, windowStart, delta);
                }
            }
            // The row is locked by this transaction's UPDATE: the count read includes this change and no other since.
            return jdbc.queryForObject("SELECT attempts FROM attempt_window WHERE subject = ? AND window_start = ?",
                    Long.class, subject, windowStart);
        });
        return n == null ? Long.MAX_VALUE : n;
    }

    @Override
    public long get(String subject, long windowStart) {
        return jdbc.query("SELECT attempts FROM attempt_window WHERE subject = ? AND window_start = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, subject, windowStart);
    }

    private int bump(String subject, long start, int delta) {
        return jdbc.update("UPDATE attempt_window SET attempts = attempts + ? WHERE subject = ? AND window_start = ?",
                delta, subject, start);
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    public void prune() {
        jdbc.update("DELETE FROM attempt_window WHERE window_end <= ?", Math.floorDiv(clock.millis(), 1000));
    }
}
