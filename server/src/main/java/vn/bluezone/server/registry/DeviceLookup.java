package vn.bluezone.server.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link DeviceDirectory} over the registry's device table, which only the registry reads and writes. */
@Component
public class DeviceLookup implements DeviceDirectory {
    private static final String COLUMNS = "SELECT id, install_code, registered_at, last_seen_at, bluetooth_on, "
            + "attestation_kind FROM device ";
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    public DeviceLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DeviceStatus> byInstallCode(String installCode) {
        return jdbc.sql(COLUMNS + "WHERE install_code = ?").param(installCode).query(DeviceLookup::device).optional();
    }

    @Override
    public Map<String, DeviceStatus> byIds(Collection<String> deviceIds) {
        Map<String, DeviceStatus> result = new HashMap<>();
        List<String> ids = new ArrayList<>(deviceIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql(COLUMNS + "WHERE id IN (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(DeviceLookup::device).list().forEach(d -> result.put(d.deviceId(), d));
        }
        return result;
    }

    /**
     * A device counts for its referrer and its place only once it has sent heartbeats on two different days
     * (issue 15 §3): a registration scripted in a loop, with no app running the next day, counts for nothing.
     */
    static final String RAN_TWO_DAYS = " AND first_seen_day IS NOT NULL AND last_seen_day > first_seen_day";

    @Override
    public Map<String, Long> referralCounts(Collection<String> referralCodes) {
        return countBy("referred_by", "AND referral_code <> referred_by" + RAN_TWO_DAYS, referralCodes);
    }

    @Override
    public Map<String, Long> installsByPlace(Collection<String> placeCodes) {
        // Place codes are printed in capitals but typed any way: "qn7k2m" from the app counts for QN7K2M.
        return countBy("UPPER(place_code)", RAN_TWO_DAYS, placeCodes.stream().map(c -> c.toUpperCase(Locale.ROOT))
                .toList());
    }

    @Override
    public Optional<String> referralCodeOf(String deviceId, String secret) {
        if (deviceId == null || secret == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT secret_hash, referral_code FROM device WHERE id = ?").param(deviceId)
                .query((rs, n) -> MessageDigest.isEqual(rs.getString(1).getBytes(StandardCharsets.US_ASCII),
                        ShortCodes.hash(secret).getBytes(StandardCharsets.US_ASCII)) ? rs.getString(2) : null)
                .optional();
    }

    @Override
    public boolean referralCodeExists(String referralCode) {
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE referral_code = ?").param(referralCode).query(Long.class)
                .single() > 0;
    }

    /** Distinct devices per value of {@code column} (fixed here, never input): a device row is one install. */
    private Map<String, Long> countBy(String column, String extra, Collection<String> values) {
        Map<String, Long> result = new HashMap<>();
        List<String> list = new ArrayList<>(values);
        for (int from = 0; from < list.size(); from += CHUNK) {
            jdbc.sql("SELECT " + column + ", COUNT(DISTINCT id) FROM device WHERE " + column + " IN (:v) " + extra
                            + " GROUP BY " + column).param("v", list.subList(from, Math.min(list.size(), from + CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }

    private static DeviceStatus device(ResultSet rs, int n) throws SQLException {
        Boolean bt = rs.getBoolean("bluetooth_on");
        if (rs.wasNull()) {
            bt = null;
        }
        return new DeviceStatus(rs.getString("id"), rs.getString("install_code"), instant(rs, "registered_at"),
                instant(rs, "last_seen_at"), bt, rs.getString("attestation_kind"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
