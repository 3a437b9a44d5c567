package vn.bluezone.server.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.springframework.stereotype.Component;
import vn.bluezone.server.web.limits.ClientHasher;
import vn.bluezone.server.web.limits.NetworkPrefix;

/**
 * Registrations per hour, unit and keyed network-prefix hash (table {@code registration_prefix_hour}, V220), for the
 * anomaly flag "most of a unit's installs come from one network" (issue 15 §3). Written after a registration
 * committed, in its own statement: a failure here is logged and never fails the phone's registration. Rows carry
 * the unit's commune, district and province so that any level is counted with one grouped query.
 */
@Component
public class RegistrationPrefixes {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPrefixes.class);
    /** The window the concentration rule reads: the current hour and the 23 before it. */
    public static final int WINDOW_HOURS = 24;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AdministrativeUnits units;
    private final ClientHasher hasher;
    private final RegistryClock clock;

    public RegistrationPrefixes(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, AdministrativeUnits units,
                                ClientHasher hasher, RegistryClock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.units = units;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Counts the new device {@code deviceId}'s registration from {@code clientAddress} in its unit's hour. */
    public void record(String deviceId, String clientAddress) {
        try {
            List<String> unit = jdbc.query("SELECT commune_code, village_id FROM device WHERE id = ?",
                    (rs, n) -> rs.getObject(2) != null ? AdministrativeUnit.villageCode(rs.getLong(2))
                            : rs.getString(1) != null ? rs.getString(1) : AdministrativeUnit.NATION_CODE, deviceId);
            if (unit.isEmpty()) {
                return;
            }
            List<String> chain = units.chainCodes(unit.get(0)); // VN, province, district, commune, village
            add(Timestamp.from(clock.clock().instant().truncatedTo(ChronoUnit.HOURS)), unit.get(0),
                    hasher.clientHash(NetworkPrefix.of(clientAddress).value()), chain.size() > 3 ? chain.get(3) : null,
                    chain.size() > 2 ? chain.get(2) : null, chain.size() > 1 ? chain.get(1) : null);
        } catch (DataAccessException e) {
            LOG.warn("registration prefix not counted: {}", e.getClass().getSimpleName());
        }
    }

    private void add(Timestamp hour, String unit, String hash, String commune, String district, String province) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (jdbc.update("UPDATE registration_prefix_hour SET registrations = registrations + 1 "
                    + "WHERE hour_start = ? AND unit_code = ? AND prefix_hash = ?", hour, unit, hash) == 1) {
                return;
            }
            try {
                if (jdbc.update("INSERT INTO registration_prefix_hour (hour_start, unit_code, prefix_hash, "
                        + "commune_code, district_code, province_code, registrations) VALUES (?, ?, ?, ?, ?, ?, 1) "
                        + "ON CONFLICT DO NOTHING", hour, unit, hash, commune, district, province) == 1) {
                    return;
                }
            } catch (DuplicateKeyException raced) {
                // H2 reports another statement's new row as a duplicate: update it on the next turn
            }
        }
        LOG.warn("registration prefix not counted after 5 attempts");
    }

    /**
     * Registrations of the last {@link #WINDOW_HOURS} hours per unit of {@code level} and prefix hash, for the units
     * {@code codes} (null: every unit of that level).
     */
    public Map<String, Map<String, Long>> lastDay(UnitLevel level, Collection<String> codes) {
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
        return jdbc.update("DELETE FROM registration_prefix_hour WHERE hour_start < ?", Timestamp.from(cutoff));
    }

    /** Rows kept now (for tests and the retention log). */
    public long rows() {
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
