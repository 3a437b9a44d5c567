package vn.bluezone.server.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.InstallQueue;
import vn.bluezone.server.registry.RegistrationPrefixes;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.UnitLevel;

/**
 * Applies {@link AnomalyRules} to units: to the figures a page or the API already has ({@link #flags}), or to every
 * unit inside an official's area that had installs lately ({@link #within}, the home dashboard). Reads the daily
 * roll-ups and the registry's hourly prefix counts; the one-network rule looks at the last 24 hours, so it is
 * applied only when the day looked at is today.
 */
@Service
public class AnomalyDetector {
    /** At most this many units of an area are examined for the dashboard (those with the most recent installs). */
    static final int MAX_CANDIDATES = 12_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitStatistics statistics;
    private final RegistrationPrefixes prefixes;
    private final AdministrativeUnits units;
    private final InstallQueue installQueue;
    private final RegistryClock clock;
    private final AnomalyProperties props;
    private final AnomalyRules rules;

    public AnomalyDetector(NamedParameterJdbcTemplate jdbc, UnitStatistics statistics, RegistrationPrefixes prefixes,
                           AdministrativeUnits units, InstallQueue installQueue, RegistryClock clock,
                           AnomalyProperties props) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.prefixes = prefixes;
        this.units = units;
        this.installQueue = installQueue;
        this.clock = clock;
        this.props = props;
        this.rules = new AnomalyRules(props);
    }

    /** The flags of each unit of {@code figures} (all of one day), by unit code; units without a flag are absent. */
    public Map<String, List<AnomalyFlag>> flags(List<UnitFigures> figures) {
        Map<String, List<AnomalyFlag>> result = new HashMap<>();
        List<UnitFigures> known = figures.stream().filter(f -> f != null && f.unit() != null).toList();
        if (!props.enabled() || known.isEmpty()) {
            return result;
        }
        LocalDate day = known.get(0).day();
        Map<String, long[]> daily = dailyInstalls(known.stream().map(UnitFigures::code).toList(), day);
        Map<String, Map<String, Long>> networks = day.equals(clock.today()) ? lastDayPrefixes(known) : Map.of();
        for (UnitFigures f : known) {
            List<AnomalyFlag> flags = new ArrayList<>();
            long[] d = daily.getOrDefault(f.code(), new long[props.baselineDays() + 1]);
            rules.jump(java.util.Arrays.copyOf(d, props.baselineDays()), d[props.baselineDays()], f.population())
                    .ifPresent(flags::add);
            rules.overDenominator(f.installs(), f.population(), f.phoneBase()).ifPresent(flags::add);
            Map<String, Long> n = networks.get(f.code());
            if (n != null) {
                rules.oneNetwork(n.values()).ifPresent(flags::add);
            }
            if (!flags.isEmpty()) {
                result.put(f.code(), flags);
            }
        }
        return result;
    }

    /**
     * Flagged units inside {@code area} (the area itself included): those with installs in the baseline days or
     * registrations in the last 24 hours, highest level first, then by name; at most {@code limit}.
     */
    public List<FlaggedUnit> within(String area, LocalDate day, int limit) {
        if (!props.enabled()) {
            return List.of();
        }
        AdministrativeUnit root = units.require(area);
        Set<String> candidates = new LinkedHashSet<>();
        installQueue.flush();
        jdbc.query("SELECT DISTINCT unit_code FROM unit_day_stat WHERE stat_day BETWEEN :from AND :d AND installs > 0",
                new MapSqlParameterSource("from", Date.valueOf(day.minusDays(props.baselineDays())))
                        .addValue("d", Date.valueOf(day)), rs -> {
                    candidates.add(rs.getString(1));
                });
        if (day.equals(clock.today())) {
            for (UnitLevel level = root.level(); level != null; level = level.child()) {
                candidates.addAll(prefixes.lastDay(level, null).keySet());
            }
        }
        List<AdministrativeUnit> inside = candidates.stream()
                .filter(c -> units.contains(area, c)) // false for a unit that no longer exists
                .limit(MAX_CANDIDATES)
                .map(units::require).toList();
        if (inside.isEmpty()) {
            return List.of();
        }
        List<UnitFigures> figures = statistics.figures(inside, day);
        Map<String, List<AnomalyFlag>> flags = flags(figures);
        return inside.stream().filter(u -> flags.containsKey(u.code()))
                .sorted(Comparator.comparing((AdministrativeUnit u) -> u.level().depth())
                        .thenComparing(AdministrativeUnit::fullName))
                .limit(limit)
                .map(u -> new FlaggedUnit(u, flags.get(u.code()))).toList();
    }

    /** Installs of each day from {@code day - baselineDays} to {@code day} (last), per unit. */
    private Map<String, long[]> dailyInstalls(Collection<String> codes, LocalDate day) {
        installQueue.flush();
        LocalDate from = day.minusDays(props.baselineDays());
        Map<String, long[]> result = new HashMap<>();
        List<String> list = new ArrayList<>(codes);
        for (int i = 0; i < list.size(); i += 500) {
            MapSqlParameterSource p = new MapSqlParameterSource("units", list.subList(i, Math.min(list.size(), i + 500)))
                    .addValue("from", Date.valueOf(from)).addValue("d", Date.valueOf(day));
            jdbc.query("SELECT unit_code, stat_day, SUM(installs) FROM unit_day_stat WHERE unit_code IN (:units) "
                    + "AND stat_day BETWEEN :from AND :d GROUP BY unit_code, stat_day", p, rs -> {
                        int index = (int) ChronoUnit.DAYS.between(from, rs.getDate(2).toLocalDate());
                        result.computeIfAbsent(rs.getString(1), k -> new long[props.baselineDays() + 1])[index] =
                                rs.getLong(3);
                    });
        }
        return result;
    }

    private Map<String, Map<String, Long>> lastDayPrefixes(List<UnitFigures> figures) {
        Map<UnitLevel, List<String>> byLevel = figures.stream().collect(Collectors.groupingBy(
                f -> f.unit().level(), Collectors.mapping(UnitFigures::code, Collectors.toList())));
        Map<String, Map<String, Long>> result = new HashMap<>();
        byLevel.forEach((level, codes) -> result.putAll(prefixes.lastDay(level,
                level == UnitLevel.NATION ? null : codes)));
        return result;
    }
}
