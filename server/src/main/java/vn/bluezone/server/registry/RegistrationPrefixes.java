package vn.bluezone.server.registry;

import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.web.limits.ClientHasher;
import vn.bluezone.server.web.limits.NetworkPrefix;
import vn.bluezone.server.db.DatabaseProduct;

/**
 * Registrations per hour, unit and keyed network-prefix hash (table {@code registration_prefix_hour}, V220), for the
 * anomaly flag "most of a unit's installs come from one network" (issue 15 §3). A registration only adds one to a
 * count in memory ({@link #record}); {@link #flush()} writes the counts, summed, every second, before every read
 * ({@link #lastDay}, {@link #rows}, {@link #deleteBefore}) and at shutdown (issue 15 §5: one statement per registration
 * was the API path's largest extra cost on a launch day). What a crash loses is at most the last second's counts of
 * this instance: an anomaly signal, never an install. A failed write is logged, its counts kept for the next flush,
 * and never fails the phone's registration. Rows carry the unit's commune, district and province so that any level
 * is counted with one grouped query.
 */
@Component
public class RegistrationPrefixes {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPrefixes.class);
    /** The window the concentration rule reads: the current hour and the 23 before it. */
    public static final int WINDOW_HOURS = 24;
    /** Rows per statement of a flush on PostgreSQL (7 parameters each). */
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AdministrativeUnits units;
    private final ClientHasher hasher;
    private final RegistryClock clock;
    private final boolean postgres;
    private final TransactionTemplate tx;
    /** Counts not yet written. {@code merge} and {@code remove} are atomic per key: each count is written once. */
    private final ConcurrentHashMap<Key, Long> pending = new ConcurrentHashMap<>();

    /** One row of registration_prefix_hour. */
    record Key(Instant hour, String unit, String hash) {
    }

    public RegistrationPrefixes(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, AdministrativeUnits units,
                                ClientHasher hasher, RegistryClock clock, DataSource dataSource,
                                PlatformTransactionManager transactions) throws SQLException {
        this.jdbc = jdbc;
        this.named = named;
        this.units = units;
        this.hasher = hasher;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /** Counts a new device's registration in {@code unitCode} (village, commune or VN) from {@code clientAddress}. */
    public void record(String unitCode, String clientAddress) {
        if (unitCode == null) {
            return;
        }
        Key key = new Key(clock.clock().instant().truncatedTo(ChronoUnit.HOURS), unitCode,
                hasher.clientHash(NetworkPrefix.of(clientAddress).value()));
        pending.merge(key, 1L, Long::sum);
    }

    /** Counts waiting to be written (for tests). */
    long pendingRegistrations() {
        return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    // The first flush waits one delay too: at start-up nothing is pending, and a flush at an unpredictable moment
    // right after start would take counts from under a caller that flushes itself (tests, shutdown).
    @Scheduled(initialDelayString = "${bluezone.registry.prefixes.flush-delay-ms:1000}",
            fixedDelayString = "${bluezone.registry.prefixes.flush-delay-ms:1000}")
    void scheduledFlush() {
        flush();
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    /**
     * Writes the counts recorded so far; returns how many registrations they held. One flush at a time on this
     * instance, so a reader's flush returns only after a running one (the scheduled one) has written its counts.
     */
    public synchronized long flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Key> keys = new ArrayList<>(pending.keySet());
        // Rows in one order on every instance, so two flushes never wait on each other's rows in a cycle.
        keys.sort(Comparator.comparing(Key::hour).thenComparing(Key::unit).thenComparing(Key::hash));
        Map<Key, Long> taken = new LinkedHashMap<>();
        for (Key k : keys) {
            Long n = pending.remove(k);
            if (n != null) {
                taken.put(k, n);
            }
        }
        try {
            tx.executeWithoutResult(s -> write(taken)); // all or nothing: a retry never counts twice
        } catch (DataAccessException | TransactionException e) {
            taken.forEach((k, n) -> pending.merge(k, n, Long::sum)); // kept for the next flush
            LOG.warn("registration prefixes not written, kept for the next try: {}", e.getClass().getSimpleName());
            return 0;
        }
        return taken.values().stream().mapToLong(Long::longValue).sum();
    }

    private void write(Map<Key, Long> counts) {
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((k, n) -> {
            List<String> chain = units.find(k.unit()).isPresent() ? units.chainCodes(k.unit())
                    : List.of(AdministrativeUnit.NATION_CODE); // VN, province, district, commune, village
            rows.add(new Object[] {Timestamp.from(k.hour()), k.unit(), k.hash(), chain.size() > 3 ? chain.get(3) : null,
                chain.size() > 2 ? chain.get(2) : null, chain.size() > 1 ? chain.get(1) : null, n});
        });
        if (postgres) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                jdbc.update("INSERT INTO registration_prefix_hour (hour_start, unit_code, prefix_hash, commune_code, "
                        + "district_code, province_code, registrations) VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                        + " ON CONFLICT (hour_start, unit_code, prefix_hash) DO UPDATE SET registrations = "
                        + "registration_prefix_hour.registrations + EXCLUDED.registrations",
                        chunk.stream().flatMap(Arrays::stream).toArray());
            }
            return;
        }
        for (Object[] r : rows) {
            add((Timestamp) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (Long) r[6]);
        }
    }

    /** H2: adds {@code n} to a row, inserting it for the first of an hour, unit and prefix. */
    private void add(Timestamp hour, String unit, String hash, String commune, String district, String province,
                     long n) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (jdbc.update("UPDATE registration_prefix_hour SET registrations = registrations + ? "
                    + "WHERE hour_start = ? AND unit_code = ? AND prefix_hash = ?", n, hour, unit, hash) == 1) {
                return;
            }
            try {
                if (jdbc.update("INSERT INTO registration_prefix_hour (hour_start, unit_code, prefix_hash, "
                        + "commune_code, district_code, province_code, registrations) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", hour, unit, hash, commune, district, province, n) == 1) {
                    return;
                }
            } catch (DuplicateKeyException raced) {
                // H2 reports another statement's new row as a duplicate: update it on the next turn
            }
        }
        throw new org.springframework.dao.CannotAcquireLockException("registration prefix row busy after 5 attempts");
    }

    /**
     * Registrations of the last {@link #WINDOW_HOURS} hours per unit of {@code level} and prefix hash, for the units
     * {@code codes} (null: every unit of that level).
     */
    public Map<String, Map<String, Long>> lastDay(UnitLevel level, Collection<String> codes) {
        flush();
        Map<String, Map<String, Long>> result = new HashMap<>();
        String column = column(level);
        List<String> list = codes == null ? null : new ArrayList<>(codes);
        if (list != null && list.isEmpty()) {
            return result;
        }
        Instant since = clock.clock().instant().truncatedTo(ChronoUnit.HOURS).minus(WINDOW_HOURS - 1L, ChronoUnit.HOURS);
        int step = 500;
        for (int from = 0; list == null ? from == 0 : from < list.size(); from += step) {
            MapSqlParameterSource p = new MapSqlParameterSource("since", Timestamp.from(since));
            String filter = "";
            if (list != null) {
                p.addValue("codes", list.subList(from, Math.min(list.size(), from + step)));
                filter = " AND " + column + " IN (:codes)";
            } else if (level == UnitLevel.VILLAGE) {
                filter = " AND unit_code LIKE 'V%'";
            }
            // PostgreSQL refuses a constant in GROUP BY: the country's rows are grouped by prefix alone.
            String groupBy = level == UnitLevel.NATION ? "prefix_hash" : column + ", prefix_hash";
            named.query("SELECT " + column + ", prefix_hash, SUM(registrations) FROM registration_prefix_hour "
                    + "WHERE hour_start >= :since" + filter + " GROUP BY " + groupBy, p, rs -> {
                        if (rs.getString(1) != null) {
                            result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                    .merge(rs.getString(2), rs.getLong(3), Long::sum);
                        }
                    });
        }
        return result;
    }

    /** Deletes the hours that started before {@code cutoff}; returns the rows deleted. */
    public int deleteBefore(Instant cutoff) {
        flush();
        return jdbc.update("DELETE FROM registration_prefix_hour WHERE hour_start < ?", Timestamp.from(cutoff));
    }

    /** Rows kept now (for tests and the retention log). */
    public long rows() {
        flush();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM registration_prefix_hour", Long.class);
        return n == null ? 0 : n;
    }

    private static String column(UnitLevel level) {
        return switch (level) {
            case NATION -> "'" + AdministrativeUnit.NATION_CODE + "'";
            case PROVINCE -> "province_code";
            case DISTRICT -> "district_code";
            case COMMUNE -> "commune_code";
            case VILLAGE -> "unit_code";
        };
    }
}
