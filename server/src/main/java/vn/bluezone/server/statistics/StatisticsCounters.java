package vn.bluezone.server.statistics;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.bluezone.server.registry.InstallCounters;
import vn.bluezone.server.db.DatabaseProduct;

/**
 * The write side of the roll-ups: every registration and every first heartbeat of a day adds to the counters of the
 * device's unit and of all its ancestors in the same transaction, so a parent's figures are by construction the sum
 * of its children's (plus devices that chose no smaller unit) and pages never scan the device table.
 * <p>
 * Launch days (issue 15 §5): registrations do not come here one by one; the registry queues them
 * ({@code InstallQueue}) and hands them over in batches, summed per unit and day. Heartbeats still come one by one,
 * in their own transaction, so the country's and each province's counters of a day are striped: spread over
 * {@code counterStripes} rows (column {@code stripe}); each write adds to one of them, chosen at random, and readers
 * sum all rows of a unit and day. Districts and below keep one row per day. All rows of one call go in one
 * statement, deepest unit first and country last: the same lock order for every writer (no deadlock).
 */
@Component
public class StatisticsCounters implements InstallCounters {
    /** The counters of unit_day_stat, in the order of {@link #COLUMNS}. */
    public enum Counter {
        INSTALLS, ACTIVE_1D, BLUETOOTH_ON_1D, ACTIVE_7D, ATTESTED_INSTALLS
    }

    static final String COLUMNS = "installs, active_1d, bluetooth_on_1d, active_7d, attested_installs";
    /** How many days "active in the last 7 days" spans. */
    public static final int WEEK = 7;
    /** Chain positions whose rows are striped: the country (0) and its provinces (1). */
    static final int STRIPED_LEVELS = 2;
    /** Tries of one H2 MERGE that met another transaction's uncommitted new row (about 2 s in all). */
    static final int H2_ATTEMPTS = 120;
    /** Rows per statement when a batch of installs is applied (8 parameters each). */
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int stripes;
    private final H2CounterLock h2Lock = new H2CounterLock();

    public StatisticsCounters(JdbcTemplate jdbc, DataSource dataSource, StatisticsProperties properties)
            throws SQLException {
        this.jdbc = jdbc;
        this.stripes = properties.counterStripes();
        this.postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /**
     * Installs from the registry's install queue: summed per unit and day over the whole batch (a province's thousand
     * installs are one row update, not a thousand) and written leaf units first, in chunks of {@link #CHUNK} rows.
     */
    @Override
    public void installed(List<Installs> batch) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Map<LocalDate, long[]>> sums = new HashMap<>();
        for (Installs i : batch) {
            for (int d = 0; d < i.chain().size(); d++) {
                String unit = i.chain().get(d);
                depth.put(unit, d);
                long[] v = sums.computeIfAbsent(unit, u -> new TreeMap<>()).computeIfAbsent(i.day(),
                        x -> new long[Counter.values().length]);
                v[Counter.INSTALLS.ordinal()] += i.count();
                v[Counter.ATTESTED_INSTALLS.ordinal()] += i.attested();
            }
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((unit, days) -> days.forEach((day, v) -> rows.add(new Row(unit, depth.get(unit), day, v))));
        // The lock order of every writer: deepest units first, then by code and day (heartbeats follow it too).
        rows.sort(Comparator.comparingInt(Row::depth).reversed().thenComparing(Row::unit).thenComparing(Row::day));
        for (int from = 0; from < rows.size(); from += CHUNK) {
            write(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
    }

    /**
     * The first heartbeat of {@code day} of a device whose previous heartbeat was on {@code previousDay} (null: never).
     * It is active that day, and in the 7-day window of each of the next 6 days that did not count it already
     * (days up to previousDay + 6 counted it from the previous heartbeat).
     */
    @Override
    public void firstHeartbeat(List<String> chain, LocalDate day, LocalDate previousDay, boolean bluetoothOn) {
        List<Update> updates = new ArrayList<>();
        updates.add(new Update(day, Counter.ACTIVE_1D, 1));
        if (bluetoothOn) {
            updates.add(new Update(day, Counter.BLUETOOTH_ON_1D, 1));
        }
        LocalDate from = previousDay == null || previousDay.plusDays(WEEK).isBefore(day) ? day
                : previousDay.plusDays(WEEK);
        for (LocalDate x = from; !x.isAfter(day.plusDays(WEEK - 1)); x = x.plusDays(1)) {
            updates.add(new Update(x, Counter.ACTIVE_7D, 1));
        }
        apply(chain, updates);
    }

    /** An install counted as unattested became attested on {@code day}: it now counts in the ranked rate. */
    @Override
    public void attestedLater(List<String> chain, LocalDate day) {
        apply(chain, List.of(new Update(day, Counter.ATTESTED_INSTALLS, 1)));
    }

    /** A later heartbeat of the same day switched Bluetooth on or off: the day's share follows the latest state. */
    @Override
    public void bluetoothChanged(List<String> chain, LocalDate day, boolean nowOn) {
        apply(chain, List.of(new Update(day, Counter.BLUETOOTH_ON_1D, nowOn ? 1 : -1)));
    }

    /** Stripes of the unit at {@code position} in a chain (country 0). */
    int stripesAt(int position) {
        return position < STRIPED_LEVELS ? stripes : 1;
    }

    private record Update(LocalDate day, Counter counter, long delta) {
    }

    /** One row per unit and day of a chain (all counters), leaf unit first, days in order; one statement. */
    private void apply(List<String> chain, List<Update> updates) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (Update u : updates) {
            byDay.computeIfAbsent(u.day(), d -> new long[Counter.values().length])[u.counter().ordinal()] += u.delta();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (Map.Entry<LocalDate, long[]> e : byDay.entrySet()) {
                rows.add(new Row(chain.get(i), i, e.getKey(), e.getValue()));
            }
        }
        write(rows);
    }

    /** A counter row to add to: {@code depth} is the unit's position in its chain (country 0). */
    private record Row(String unit, int depth, LocalDate day, long[] values) {
    }

    /** Adds the rows in the order given, in one statement; each row of a striped unit goes to a random stripe. */
    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        for (Row r : rows) {
            int n = stripesAt(r.depth());
            args.add(r.unit());
            args.add(Date.valueOf(r.day()));
            args.add(n == 1 ? 0 : ThreadLocalRandom.current().nextInt(n));
            for (long v : r.values()) {
                args.add(v);
            }
        }
        if (postgres) {
            jdbc.update(upsertPostgres(rows.size()), args.toArray());
            return;
        }
        h2Lock.write(() -> mergeH2(mergeH2(rows.size()), args.toArray()));
    }

    /**
     * H2 does not wait for a row another transaction inserted and has not committed: its MERGE fails with a duplicate
     * key instead, and rolls back only that statement. Trying again once the other commits adds the deltas to its row.
     */
    private void mergeH2(String sql, Object[] args) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update(sql, args);
                return;
            } catch (DuplicateKeyException | UncategorizedSQLException e) {
                if (attempt >= H2_ATTEMPTS || !(e instanceof DuplicateKeyException || otherRollingBack(e))) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(attempt, 20));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * H2 (2.4) answers a MERGE that meets a row of a transaction in the middle of rolling back a statement with a
     * general error ("Transaction N has status ROLLING_BACK, not OPEN") instead of waiting; it too rolls back only that
     * statement, so the same retry applies. Seen about once in 25 runs of 240 concurrent registrations under load.
     */
    static boolean otherRollingBack(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("has status ROLLING_BACK, not OPEN")) {
                return true;
            }
        }
        return false;
    }

    private static String upsertPostgres(int rows) {
        return "INSERT INTO unit_day_stat (unit_code, stat_day, stripe, " + COLUMNS + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT (unit_code, stat_day, stripe) DO UPDATE SET "
                + "installs = unit_day_stat.installs + EXCLUDED.installs, "
                + "active_1d = unit_day_stat.active_1d + EXCLUDED.active_1d, "
                + "bluetooth_on_1d = unit_day_stat.bluetooth_on_1d + EXCLUDED.bluetooth_on_1d, "
                + "active_7d = unit_day_stat.active_7d + EXCLUDED.active_7d, "
                + "attested_installs = unit_day_stat.attested_installs + EXCLUDED.attested_installs";
    }

    private static String mergeH2(int rows) {
        String row = "(CAST(? AS VARCHAR(16)), CAST(? AS DATE), CAST(? AS SMALLINT), CAST(? AS BIGINT), "
                + "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))";
        return "MERGE INTO unit_day_stat t USING (VALUES " + String.join(", ", java.util.Collections.nCopies(rows, row))
                + ") s (unit_code, stat_day, stripe, i, a1, bt, a7, at) "
                + "ON t.unit_code = s.unit_code AND t.stat_day = s.stat_day AND t.stripe = s.stripe "
                + "WHEN MATCHED THEN UPDATE SET installs = t.installs + s.i, active_1d = t.active_1d + s.a1, "
                + "bluetooth_on_1d = t.bluetooth_on_1d + s.bt, active_7d = t.active_7d + s.a7, "
                + "attested_installs = t.attested_installs + s.at "
                + "WHEN NOT MATCHED THEN INSERT (unit_code, stat_day, stripe, " + COLUMNS + ") "
                + "VALUES (s.unit_code, s.stat_day, s.stripe, s.i, s.a1, s.bt, s.a7, s.at)";
    }
}
