package vn.bluezone.server.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.VietnameseText;

/** Villages and residential groups (thôn, tổ dân phố...), which GSO does not list: commune officials create them. */
@Service
public class Villages {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'()/-]{1,100}");

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final Clock clock;

    public Villages(JdbcTemplate jdbc, AdministrativeUnits units, RegistryClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock.clock();
    }

    /** Creates a village in a commune; 400 for a bad name or kind, 409 VILLAGE_EXISTS for a duplicate name. */
    @Transactional
    public AdministrativeUnit create(String communeCode, String kindSlug, String rawName, String actor) {
        AdministrativeUnit commune = units.require(communeCode);
        if (commune.level() != UnitLevel.COMMUNE) {
            throw new DomainException(ErrorCode.NOT_A_COMMUNE,
                    "Villages are created in a commune; '" + communeCode + "' is a " + commune.level());
        }
        VillageKind kind;
        try {
            kind = VillageKind.fromSlug(kindSlug == null ? "thon" : kindSlug);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_VILLAGE_KIND, "Unknown village kind '" + kindSlug + "'");
        }
        String name = VietnameseText.nfc(rawName);
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw new DomainException(ErrorCode.BAD_VILLAGE_NAME,
                    "A village name is 1 to 100 letters, digits, spaces or . , ' ( ) / -");
        }
        String key = VietnameseText.fold(kind.label() + " " + name);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO village (commune_code, kind, name, search_key, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setString(1, communeCode);
                ps.setString(2, kind.slug());
                ps.setString(3, name);
                ps.setString(4, key);
                ps.setString(5, actor);
                ps.setTimestamp(6, Timestamp.from(clock.instant()));
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.VILLAGE_EXISTS,
                    "'" + kind.label() + " " + name + "' already exists in " + commune.fullName());
        }
        long id = keys.getKey().longValue();
        return AdministrativeUnits.village(id, communeCode, kind.slug(), name);
    }
}
