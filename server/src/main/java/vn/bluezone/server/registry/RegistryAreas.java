package vn.bluezone.server.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link Areas} from the registry's own units (GSO units from memory, villages from their table). */
@Component
public class RegistryAreas implements Areas {
    private final AdministrativeUnits units;
    private final JdbcTemplate jdbc;

    public RegistryAreas(AdministrativeUnits units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> name(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return Optional.empty();
        }
        return units.find(unitCode).map(AdministrativeUnit::fullName);
    }

    @Override
    public boolean contains(String ancestor, String unitCode) {
        if (ancestor == null) {
            return name(unitCode).isPresent();
        }
        return ancestor.equals(unitCode) || units.contains(ancestor, unitCode);
    }

    /** In the order they were created (campaign lists and printed sheets keep that order). */
    @Override
    public Map<String, String> villagesOf(String communeCode) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.query("SELECT id, commune_code, kind, name FROM village WHERE commune_code = ? ORDER BY id",
                (rs, n) -> AdministrativeUnits.village(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), communeCode).forEach(v -> result.put(v.code(), v.fullName()));
        return result;
    }
}
