package vn.bluezone.server.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.VietnameseText;

/**
 * The administrative hierarchy: country → province → district → commune (GSO, immutable, held in memory once loaded)
 * → village (created by communes, read from the database). Answers the scope question "does unit A contain unit B".
 */
@Service
public class AdministrativeUnits {
    private final JdbcTemplate jdbc;
    private volatile Index index;

    public AdministrativeUnits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The GSO units, loaded on first use (after Flyway ran) and never changed at run time. */
    private record Index(Map<String, AdministrativeUnit> byCode, Map<String, List<AdministrativeUnit>> children,
                         Map<String, String> searchKeys) {
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    index = load();
                }
                i = index;
            }
        }
        return i;
    }

    private Index load() {
        Map<String, AdministrativeUnit> byCode = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        jdbc.query("SELECT code, unit_level, kind, name, full_name, parent_code, search_key FROM admin_unit", rs -> {
            AdministrativeUnit u = new AdministrativeUnit(rs.getString(1), UnitLevel.ofDepth(rs.getInt(2)),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            byCode.put(u.code(), u);
            keys.put(u.code(), rs.getString(7));
        });
        Map<String, List<AdministrativeUnit>> children = new HashMap<>();
        for (AdministrativeUnit u : byCode.values()) {
            if (u.parentCode() != null) {
                children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
            }
        }
        children.replaceAll((k, v) -> {
            v.sort(VietnameseText.comparing(AdministrativeUnit::name));
            return List.copyOf(v);
        });
        return new Index(Map.copyOf(byCode), Map.copyOf(children), Map.copyOf(keys));
    }

    public Optional<AdministrativeUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (AdministrativeUnit.isVillageCode(code)) {
            return findVillage(AdministrativeUnit.villageId(code));
        }
        return Optional.ofNullable(index().byCode().get(code));
    }

    /** The unit, or 404 UNIT_NOT_FOUND. */
    public AdministrativeUnit require(String code) {
        return find(code).orElseThrow(() -> new DomainException(ErrorCode.UNIT_NOT_FOUND,
                "No administrative unit or village with code '" + code + "'"));
    }

    public AdministrativeUnit nation() {
        return index().byCode().get(AdministrativeUnit.NATION_CODE);
    }

    public Optional<AdministrativeUnit> findVillage(long id) {
        return jdbc.query("SELECT id, commune_code, kind, name FROM village WHERE id = ?",
                (rs, n) -> village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), id)
                .stream().findFirst();
    }

    static AdministrativeUnit village(long id, String communeCode, String kind, String name) {
        return new AdministrativeUnit(AdministrativeUnit.villageCode(id), UnitLevel.VILLAGE, kind, name,
                VillageKind.fromSlug(kind).label() + " " + name, communeCode);
    }

    /** Direct children in Vietnamese dictionary order; a commune's children are its villages. */
    public List<AdministrativeUnit> children(String code) {
        AdministrativeUnit u = require(code);
        if (u.level() == UnitLevel.VILLAGE) {
            return List.of();
        }
        if (u.level() == UnitLevel.COMMUNE) {
            List<AdministrativeUnit> villages = new ArrayList<>(jdbc.query(
                    "SELECT id, commune_code, kind, name FROM village WHERE commune_code = ?",
                    (rs, n) -> village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), code));
            villages.sort(VietnameseText.comparing(AdministrativeUnit::name));
            return villages;
        }
        return index().children().getOrDefault(code, List.of());
    }

    /** The unit and its ancestors, country first. */
    public List<AdministrativeUnit> chain(String code) {
        List<AdministrativeUnit> chain = new ArrayList<>();
        for (AdministrativeUnit u = require(code); u != null; u = u.parentCode() == null ? null
                : find(u.parentCode()).orElse(null)) {
            chain.add(u);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Codes of the unit and its ancestors, country first, without database access for GSO units. */
    public List<String> chainCodes(String code) {
        List<String> codes = new ArrayList<>();
        String c = code;
        if (AdministrativeUnit.isVillageCode(c)) {
            codes.add(c);
            c = require(c).parentCode();
        }
        Map<String, AdministrativeUnit> byCode = index().byCode();
        for (AdministrativeUnit u = byCode.get(c); u != null; u = u.parentCode() == null ? null
                : byCode.get(u.parentCode())) {
            codes.add(u.code());
        }
        Collections.reverse(codes);
        return codes;
    }

    /** True when {@code ancestor} is {@code unit} or one of its ancestors; unknown codes are contained by nothing. */
    public boolean contains(String ancestor, String unit) {
        if (ancestor == null || unit == null || find(unit).isEmpty()) {
            return false;
        }
        return chainCodes(unit).contains(ancestor);
    }

    /**
     * Units whose folded full name contains every folded word of the query ("quang ngan" finds "Xã Quảng Ngạn"),
     * restricted to {@code within} and below. Best first: name equal to the query, then starting with it, then higher
     * levels, then dictionary order.
     */
    public List<AdministrativeUnit> search(String query, String within, int limit) {
        String q = VietnameseText.fold(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String[] words = q.split(" ");
        List<AdministrativeUnit> hits = new ArrayList<>();
        Index idx = index();
        for (Map.Entry<String, String> e : idx.searchKeys().entrySet()) {
            if (containsAll(e.getValue(), words)) {
                hits.add(idx.byCode().get(e.getKey()));
            }
        }
        String like = "%" + words[0].replace("%", "").replace("_", "") + "%";
        jdbc.query("SELECT id, commune_code, kind, name, search_key FROM village WHERE search_key LIKE ?", rs -> {
            if (containsAll(rs.getString(5), words)) {
                hits.add(village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }, like);
        Comparator<AdministrativeUnit> order = Comparator
                .comparingInt((AdministrativeUnit u) -> VietnameseText.fold(u.name()).equals(q) ? 0
                        : VietnameseText.fold(u.name()).startsWith(q) ? 1 : 2)
                .thenComparingInt(u -> u.level().depth())
                .thenComparing(VietnameseText.comparing(AdministrativeUnit::name));
        return hits.stream()
                .filter(u -> within == null || contains(within, u.code()))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    private static boolean containsAll(String key, String[] words) {
        for (String w : words) {
            if (!key.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Number of GSO units at a level (63 provinces, 705 districts, 10,599 communes in the shipped data). */
    public long count(UnitLevel level) {
        return index().byCode().values().stream().filter(u -> u.level() == level).count();
    }
}
