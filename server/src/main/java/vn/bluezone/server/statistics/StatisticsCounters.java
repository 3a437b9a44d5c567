package vn.bluezone.server.statistics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side of the roll-ups: every registration and every first heartbeat of a day adds to the counters of the
 * device's unit and of all its ancestors in the same transaction, so a parent's figures are by construction the sum
 * of its children's (plus devices that chose no smaller unit) and pages never scan the device table.
 * Rows are updated leaf first and country last: the same lock order for everyone (no deadlock) and the hottest row
 * (the country's) is held for the shortest time.
 */
@Component
public class StatisticsCounters {
    /** The counters of unit_day_stat (column names are fixed here, never taken from input). */
    public enum Counter {
        INSTALLS("installs"), ACTIVE_1D("active_1d"), BLUETOOTH_ON_1D("bluetooth_on_1d"), ACTIVE_7D("active_7d");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    /** How many days "active in the last 7 days" spans. */
    public static final int WEEK = 7;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public StatisticsCounters(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** A new install on {@code day} in the unit at the end of {@code chain} (country first). */
    public void installed(List<String> chain, LocalDate day) {
        add(chain, day, Counter.INSTALLS, 1);
    }

    /**
     * The first heartbeat of {@code day} of a device whose previous heartbeat was on {@code previousDay} (null: never).
     * It is active that day, and in the 7-day window of each of the next 6 days that did not count it already
     * (days up to previousDay + 6 counted it from the previous heartbeat).
     */
    public void firstHeartbeat(List<String> chain, LocalDate day, LocalDate previousDay, boolean bluetoothOn) {
        List<Update> updates = new ArrayList<>();
        updates.add(new Update(day, Counter.ACTIVE_1D));
        if (bluetoothOn) {
            updates.add(new Update(day, Counter.BLUETOOTH_ON_1D));
        }
        LocalDate from = previousDay == null || previousDay.plusDays(WEEK).isBefore(day) ? day
                : previousDay.plusDays(WEEK);
        for (LocalDate x = from; !x.isAfter(day.plusDays(WEEK - 1)); x = x.plusDays(1)) {
            updates.add(new Update(x, Counter.ACTIVE_7D));
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (Update u : updates) {
                upsert(chain.get(i), u.day(), u.counter(), 1);
            }
        }
    }

    /** A later heartbeat of the same day switched Bluetooth on or off: the day's share follows the latest state. */
    public void bluetoothChanged(List<String> chain, LocalDate day, boolean nowOn) {
        add(chain, day, Counter.BLUETOOTH_ON_1D, nowOn ? 1 : -1);
    }

    private record Update(LocalDate day, Counter counter) {
    }

    private void add(List<String> chain, LocalDate day, Counter counter, long delta) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            upsert(chain.get(i), day, counter, delta);
        }
    }

    private void upsert(String unit, LocalDate day, Counter counter, long delta) {
        String col = counter.column;
        if (postgres) {
            jdbc.update("INSERT INTO unit_day_stat (unit_code, stat_day, " + col + ") VALUES (?, ?, ?) "
                    + "ON CONFLICT (unit_code, stat_day) DO UPDATE SET " + col + " = unit_day_stat." + col
                    + " + EXCLUDED." + col, unit, Date.valueOf(day), delta);
        } else {
            jdbc.update("MERGE INTO unit_day_stat t USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS DATE), "
                    + "CAST(? AS BIGINT))) s (unit_code, stat_day, delta) "
                    + "ON t.unit_code = s.unit_code AND t.stat_day = s.stat_day "
                    + "WHEN MATCHED THEN UPDATE SET " + col + " = t." + col + " + s.delta "
                    + "WHEN NOT MATCHED THEN INSERT (unit_code, stat_day, " + col + ") "
                    + "VALUES (s.unit_code, s.stat_day, s.delta)", unit, Date.valueOf(day), delta);
        }
    }
}
