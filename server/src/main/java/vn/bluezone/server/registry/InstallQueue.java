package vn.bluezone.server.registry;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.DatabaseProduct;

/**
 * Installs waiting for the roll-ups (issue 15 §5). A registration does not update the counters of its unit and every
 * ancestor: on a launch day those updates queued on the country's and provinces' rows (231 registrations/s against
 * 3,334 plain inserts). {@link #flush()} adds the installs registered since the last flush to {@link InstallCounters}
 * in batches, in the transaction that marks them applied, so every install is counted exactly once. It runs every
 * second and before every read of the figures (statistics calls it), so a page never shows a figure that misses a
 * committed registration.
 * <ul>
 * <li>PostgreSQL: the device row is the only row a registration writes; it carries its transaction's id and the
 * flush reads the rows committed since the last applied snapshot ({@link InstallSnapshots}).</li>
 * <li>H2 (and rows queued before migration V230, or by an older server during a rolling upgrade): one
 * {@code install_queue} row per install; the flush claims up to {@link #BATCH} rows ({@code FOR UPDATE SKIP LOCKED}:
 * several servers or threads never claim the same row) and deletes them.</li>
 * </ul>
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
    private final InstallSnapshots snapshots;

    public InstallQueue(JdbcTemplate jdbc, AdministrativeUnits units, InstallCounters counters,
                        PlatformTransactionManager transactions, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.units = units;
        this.counters = counters;
        this.tx = new TransactionTemplate(transactions);
        // InstallSnapshots relies on each statement taking a new snapshot (the one after the mark's lock is granted).
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.postgres = DatabaseProduct.isPostgres(dataSource);
        this.snapshots = new InstallSnapshots(jdbc);
    }

    /** True when {@link #insertCounted} is one statement (PostgreSQL), so it needs no transaction of its own. */
    boolean oneStatement() {
        return postgres;
    }

    /**
     * Inserts one device row ({@code columns} with {@code args}; ON CONFLICT DO NOTHING) and, when it was inserted,
     * makes its install of {@code unitCode} (village, commune or VN) on {@code day} count once in the roll-ups; returns
     * the rows inserted (0 or 1). Call in the registration's transaction, if it has one.
     * <p>
     * PostgreSQL: the device row alone, marked with its transaction's id ({@link InstallSnapshots}): one row and one
     * round trip, as a plain insert. H2: the device row and a queue row, in the caller's transaction.
     */
    int insertCounted(String columns, Object[] args, String unitCode, LocalDate day, boolean attested) {
        String values = String.join(", ", Collections.nCopies(args.length, "?"));
        if (postgres) {
            Object[] all = Arrays.copyOf(args, args.length + 1);
            all[args.length] = attested ? Boolean.TRUE : null;
            return jdbc.update("INSERT INTO device (" + columns + InstallSnapshots.COLUMNS + ") VALUES (" + values
                    + InstallSnapshots.VALUES + ") ON CONFLICT DO NOTHING", all);
        }
        int inserted = jdbc.update("INSERT INTO device (" + columns + ") VALUES (" + values
                + ") ON CONFLICT DO NOTHING", args);
        if (inserted == 1) {
            jdbc.update("INSERT INTO install_queue (unit_code, stat_day, attested) VALUES (?, ?, ?)", unitCode,
                    Date.valueOf(day), attested);
        }
        return inserted;
    }

    /**
     * Applies every install registered so far to the counters; returns how many were applied. Figures read after it
     * returns include every registration committed before it was called. On PostgreSQL the queue holds only rows
     * written before migration V230 or by a server of an earlier version (a rolling upgrade), and the new installs are
     * read from the device table ({@link InstallSnapshots}).
     */
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
        if (postgres) {
            total += tx.execute(s -> applySnapshot());
        }
        return total;
    }

    /** PostgreSQL: the devices committed since the last applied snapshot, in one transaction with their counts. */
    private long applySnapshot() {
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        long n = snapshots.take(counts);
        apply(counts);
        return n;
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
