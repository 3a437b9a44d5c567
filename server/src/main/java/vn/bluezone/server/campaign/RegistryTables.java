package vn.bluezone.server.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaign's read-only view of the registry's tables (admin_unit, village, device, unit_day_stat, denominator;
 * migration V200): unit names and nesting, live figures, installs. Reading tables rather than the registry's
 * classes keeps the features' code apart; the columns used are listed in campaign/README.md.
 */
@Component
public class RegistryTables implements Areas, AreaFigures, DeviceDirectory {
    private static final Map<String, String> VILLAGE_KINDS = Map.of("thon", "Thôn", "to-dan-pho", "Tổ dân phố",
            "ban", "Bản", "ap", "Ấp", "khom", "Khóm", "buon", "Buôn", "lang", "Làng", "xom", "Xóm", "khu-pho",
            "Khu phố");

    private final JdbcClient jdbc;
    /** GSO units never change while the server runs; villages can be added, so they are not cached. */
    private final Map<String, Unit> gso = new ConcurrentHashMap<>();

    private record Unit(String name, String parent) {
    }

    public RegistryTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean isVillage(String code) {
        return code != null && code.length() > 1 && code.length() <= 16 && code.charAt(0) == 'V'
                && code.substring(1).chars().allMatch(Character::isDigit);
    }

    private Optional<Unit> unit(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        if (isVillage(code)) {
            return jdbc.sql("SELECT kind, name, commune_code FROM village WHERE id = ?")
                    .param(Long.parseLong(code.substring(1)))
                    .query((rs, n) -> new Unit(VILLAGE_KINDS.getOrDefault(rs.getString(1), "Thôn") + " "
                            + rs.getString(2), rs.getString(3))).optional();
        }
        Unit cached = gso.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Unit> u = jdbc.sql("SELECT full_name, parent_code FROM admin_unit WHERE code = ?").param(code)
                .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2))).optional();
        u.ifPresent(x -> gso.put(code, x));
        return u;
    }

    @Override
    public Optional<String> name(String unitCode) {
        return unit(unitCode).map(Unit::name);
    }

    @Override
    public Map<String, String> villagesOf(String communeCode) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, kind, name FROM village WHERE commune_code = ? ORDER BY id").param(communeCode)
                .query((rs, n) -> Map.entry("V" + rs.getLong(1), VILLAGE_KINDS.getOrDefault(rs.getString(2), "Thôn")
                        + " " + rs.getString(3))).list().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    @Override
    public boolean contains(String ancestor, String unitCode) {
        if (ancestor == null) {
            return unit(unitCode).isPresent();
        }
        String c = unitCode;
        for (int depth = 0; c != null && depth < 8; depth++) {
            if (c.equals(ancestor)) {
                return true;
            }
            c = unit(c).map(Unit::parent).orElse(null);
        }
        return false;
    }

    @Override
    public Optional<AreaSnapshot> snapshot(String unitCode, LocalDate day) {
        Optional<String> name = name(unitCode);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        long[] c = jdbc.sql("SELECT COALESCE(SUM(installs), 0), "
                        + "COALESCE(SUM(CASE WHEN stat_day <= ? THEN installs ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN stat_day = ? THEN active_7d ELSE 0 END), 0) "
                        + "FROM unit_day_stat WHERE unit_code = ? AND stat_day <= ?")
                .params(day.minusDays(7), day, unitCode, day)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        Long population = denominator(unitCode, "POPULATION", day);
        Long phones = denominator(unitCode, "SMARTPHONE_USERS", day);
        if (phones == null) {
            phones = denominator(unitCode, "MOBILE_SUBSCRIBERS", day);
        }
        return Optional.of(new AreaSnapshot(unitCode, name.get(), day, c[0], c[1], c[2], population, phones));
    }

    private Long denominator(String unit, String kind, LocalDate day) {
        return jdbc.sql("SELECT amount FROM denominator WHERE unit_code = ? AND kind = ? AND as_of <= ? "
                        + "ORDER BY as_of DESC, id DESC LIMIT 1").params(unit, kind, day)
                .query(Long.class).optional().orElse(null);
    }

    @Override
    public Optional<DeviceStatus> byInstallCode(String installCode) {
        return jdbc.sql("SELECT id, install_code, registered_at, last_seen_at, bluetooth_on FROM device "
                + "WHERE install_code = ?").param(installCode).query(RegistryTables::device).optional();
    }

    @Override
    public Map<String, DeviceStatus> byIds(Collection<String> deviceIds) {
        Map<String, DeviceStatus> result = new HashMap<>();
        List<String> ids = new ArrayList<>(deviceIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("SELECT id, install_code, registered_at, last_seen_at, bluetooth_on FROM device "
                            + "WHERE id IN (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(RegistryTables::device).list().forEach(d -> result.put(d.deviceId(), d));
        }
        return result;
    }

    @Override
    public Map<String, Long> referralCounts(Collection<String> referralCodes) {
        return countBy("referred_by", "AND referral_code <> referred_by", referralCodes);
    }

    @Override
    public Map<String, Long> installsByPlace(Collection<String> placeCodes) {
        // Place codes are printed in capitals but typed any way: "qn7k2m" from the app counts for QN7K2M.
        return countBy("UPPER(place_code)", "", placeCodes.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT))
                .toList());
    }

    /** Distinct devices per value of {@code column}: a device row is one install, whatever it sent. */
    private Map<String, Long> countBy(String column, String extra, Collection<String> values) {
        Map<String, Long> result = new HashMap<>();
        List<String> list = new ArrayList<>(values);
        for (int from = 0; from < list.size(); from += 500) {
            jdbc.sql("SELECT " + column + ", COUNT(DISTINCT id) FROM device WHERE " + column + " IN (:v) " + extra
                            + " GROUP BY " + column).param("v", list.subList(from, Math.min(list.size(), from + 500)))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }

    @Override
    public boolean referralCodeExists(String referralCode) {
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE referral_code = ?").param(referralCode).query(Long.class)
                .single() > 0;
    }

    private static DeviceStatus device(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Boolean bt = rs.getBoolean("bluetooth_on");
        if (rs.wasNull()) {
            bt = null;
        }
        return new DeviceStatus(rs.getString("id"), rs.getString("install_code"), Rows.instant(rs, "registered_at"),
                Rows.instant(rs, "last_seen_at"), bt);
    }
}
