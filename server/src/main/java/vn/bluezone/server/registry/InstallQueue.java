package vn.bluezone.server.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installs waiting for the roll-ups (issue 15 §5). A registration adds one row here in its own transaction instead of
 * updating the counters of its unit and every ancestor: on a launch day those updates queued on the country's and
 * provinces' rows (231 registrations/s against 3,334 plain inserts). {@link #flush()} claims up to {@link #BATCH}
 * rows ({@code FOR UPDATE SKIP LOCKED}: several servers or threads never claim the same row), deletes them and adds
 * their counts to {@link InstallCounters} in one transaction, so every install is counted exactly once. It runs every
 * second and before every read of the figures (statistics calls it), so a page never shows a figure that misses a
 * committed registration.
 */
@Component
public class InstallQueue {
    private static final Logger log = LoggerFactory.getLogger(InstallQueue.class);
    static final int BATCH = 5000;
    private static final int DELETE_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final InstallCounters counters;
    private final TransactionTemplate tx;
    private final boolean postgres;

    public InstallQueue(JdbcTemplate jdbc, AdministrativeUnits units, InstallCounters counters,
                        PlatformTransactionManager transactions, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.units = units;
        this.counters = counters;
        this.tx = new TransactionTemplate(transactions);
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    /** True when {@link #insertQueued} is one statement (PostgreSQL), so it needs no transaction of its own. */
    boolean oneStatement() {
        return postgres;
    }

    /**
     * Runs {@code insertDevice} (an INSERT of one device row, ON CONFLICT DO NOTHING) and, when it inserted the row,
     * queues an install of {@code unitCode} (village, commune or VN) on {@code day}; returns the rows inserted (0 or
     * 1). Call in the registration's transaction. On PostgreSQL both are one statement (a data-modifying WITH): one
     * round trip, as a plain insert has.
     */
    int insertQueued(String insertDevice, Object[] args, String unitCode, LocalDate day, boolean attested) {
        if (postgres) {
            Object[] all = Arrays.copyOf(args, args.length + 3);
            all[args.length] = unitCode;
            all[args.length + 1] = Date.valueOf(day);
            all[args.length + 2] = attested;
            return jdbc.update("WITH d AS (" + insertDevice + " RETURNING 1) INSERT INTO install_queue "
                    + "(unit_code, stat_day, attested) SELECT ?, ?, ? FROM d", all);
        }
        int inserted = jdbc.update(insertDevice, args);
        if (inserted == 1) {
            jdbc.update("INSERT INTO install_queue (unit_code, stat_day, attested) VALUES (?, ?, ?)", unitCode,
                    Date.valueOf(day), attested);
        }
        return inserted;
    }

    /** Applies every queued install to the counters; returns how many were applied. */
    public long flush() {
        long total = 0;
        int n;
        do {
            n = tx.execute(s -> applyBatch(true));
            total += n;
        } while (n == BATCH);
        // Rows another flusher (the scheduled one, another server) held were skipped: wait for its commit, so that
        // figures read after flush() include every registration committed before it (PostgresRollupIT missed 143
        // of 400 when a read met the scheduled flush in progress).
        do {
            n = tx.execute(s -> applyBatch(false));
            total += n;
        } while (n == BATCH);
        return total;
    }

    @Scheduled(fixedDelayString = "${bluezone.statistics.install-queue-delay-ms:1000}")
    void scheduledFlush() {
        try {
            flush();
        } catch (DataAccessException | TransactionException e) {
            // The database is away (its outage is answered elsewhere with 503): the queue waits, one line a try.
            log.warn("install queue not applied: {}", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private record Queued(long id, String unit, LocalDate day, boolean attested) {
    }

    private int applyBatch(boolean skipLocked) {
        return postgres ? applyBatchPostgres(skipLocked) : applyBatchRows(skipLocked);
    }

    /**
     * PostgreSQL: one statement claims up to {@link #BATCH} rows, deletes them and answers their counts per unit and
     * day, so only those sums cross the network (a registration's row is locked and deleted in one pass).
     */
    private int applyBatchPostgres(boolean skipLocked) {
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        long[] rows = new long[1];
        jdbc.query("WITH claimed AS (DELETE FROM install_queue WHERE id IN (SELECT id FROM install_queue ORDER BY id "
                + "LIMIT " + BATCH + (skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE") + ") "
                + "RETURNING unit_code, stat_day, attested) SELECT unit_code, stat_day, COUNT(*), "
                + "COUNT(*) FILTER (WHERE attested) FROM claimed GROUP BY unit_code, stat_day", rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), u -> new HashMap<>())
                            .computeIfAbsent(rs.getDate(2).toLocalDate(), d -> new long[2]);
                    c[0] += rs.getLong(3);
                    c[1] += rs.getLong(4);
                    rows[0] += rs.getLong(3);
                });
        apply(counts);
        return (int) rows[0];
    }

    private int applyBatchRows(boolean skipLocked) {
        List<Queued> rows = jdbc.query("SELECT id, unit_code, stat_day, attested FROM install_queue ORDER BY id LIMIT "
                + BATCH + (skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"), (rs, n) -> new Queued(rs.getLong(1), rs.getString(2),
                rs.getDate(3).toLocalDate(), rs.getBoolean(4)));
        if (rows.isEmpty()) {
            return 0;
        }
        for (int from = 0; from < rows.size(); from += DELETE_CHUNK) {
            List<Queued> chunk = rows.subList(from, Math.min(rows.size(), from + DELETE_CHUNK));
            jdbc.update("DELETE FROM install_queue WHERE id IN (" + String.join(", ",
                    Collections.nCopies(chunk.size(), "?")) + ")", chunk.stream().map(Queued::id).toArray());
        }
        // Per unit and day: {installs, attested installs}.
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        for (Queued q : rows) {
            long[] c = counts.computeIfAbsent(q.unit(), u -> new HashMap<>()).computeIfAbsent(q.day(), d -> new long[2]);
            c[0]++;
            c[1] += q.attested() ? 1 : 0;
        }
        apply(counts);
        return rows.size();
    }

    private void apply(Map<String, Map<LocalDate, long[]>> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<InstallCounters.Installs> batch = new ArrayList<>();
        counts.forEach((unit, days) -> {
            List<String> chain = chainOf(unit);
            days.forEach((day, n) -> batch.add(new InstallCounters.Installs(chain, day, n[0], n[1])));
        });
        counters.installed(batch);
    }

    /** A deleted village's installs count for its commune's chain no more: they stay with the country. */
    private List<String> chainOf(String unit) {
        return units.find(unit).map(u -> units.chainCodes(unit)).orElse(List.of(AdministrativeUnit.NATION_CODE));
    }
}
