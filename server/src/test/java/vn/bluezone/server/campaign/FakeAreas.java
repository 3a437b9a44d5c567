package vn.bluezone.server.campaign;

import vn.bluezone.server.registry.AreaFigures;
import vn.bluezone.server.registry.AreaSnapshot;
import vn.bluezone.server.registry.Areas;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A small tree of units with figures, standing in for the registry in unit tests. */
public final class FakeAreas implements Areas, AreaFigures {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, long[]> figures = new HashMap<>();
    private final Map<String, Long> population = new HashMap<>();

    /** Quảng Ngạn (19873) in Quảng Điền (477), Thừa Thiên Huế (46), with villages V1 Hà Lạc and V2 Tân Mỹ;
     *  Quảng Công (19876) beside it with village V3. */
    public static FakeAreas hue() {
        FakeAreas a = new FakeAreas();
        a.unit("46", "Tỉnh Thừa Thiên Huế", null);
        a.unit("477", "Huyện Quảng Điền", "46");
        a.unit("19873", "Xã Quảng Ngạn", "477");
        a.unit("19876", "Xã Quảng Công", "477");
        a.unit("V1", "Thôn Hà Lạc", "19873");
        a.unit("V2", "Thôn Tân Mỹ", "19873");
        a.unit("V3", "Thôn Cương Giáng", "19876");
        return a;
    }

    public FakeAreas unit(String code, String name, String parent) {
        names.put(code, name);
        if (parent != null) {
            parents.put(code, parent);
        }
        return this;
    }

    /** installs, installs a week ago, active in 7 days; population (null = unknown). */
    public FakeAreas figures(String code, long installs, long weekAgo, long active7d, Long pop) {
        figures.put(code, new long[] {installs, weekAgo, active7d});
        if (pop == null) {
            population.remove(code);
        } else {
            population.put(code, pop);
        }
        return this;
    }

    @Override
    public Optional<String> name(String unitCode) {
        return Optional.ofNullable(names.get(unitCode));
    }

    @Override
    public Map<String, String> villagesOf(String communeCode) {
        Map<String, String> m = new java.util.TreeMap<>();
        parents.forEach((code, parent) -> {
            if (parent.equals(communeCode) && code.startsWith("V")) {
                m.put(code, names.get(code));
            }
        });
        return m;
    }

    @Override
    public boolean contains(String ancestor, String unitCode) {
        for (String c = unitCode; c != null; c = parents.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<AreaSnapshot> snapshot(String unitCode, LocalDate day) {
        if (!names.containsKey(unitCode)) {
            return Optional.empty();
        }
        long[] f = figures.getOrDefault(unitCode, new long[3]);
        return Optional.of(new AreaSnapshot(unitCode, names.get(unitCode), day, f[0], f[1], f[2],
                population.get(unitCode), null));
    }
}
