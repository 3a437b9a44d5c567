package vn.bluezone.server.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DenominatorKind;
import vn.bluezone.server.registry.Denominators;
import vn.bluezone.server.registry.InstallQueue;
import vn.bluezone.server.registry.attestation.Attestations;

/**
 * The read side: a unit's figures, the ranking of its children, its trend. Reads only the roll-ups (unit_day_stat:
 * one row per unit and day, a few for striped units, always summed) and the denominators, never the device table.
 */
@Service
public class UnitStatistics {
    private final NamedParameterJdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final Denominators denominators;
    private final StatisticsProperties properties;
    private final InstallQueue installQueue;
    private final boolean rankedOnAttested;

    public UnitStatistics(NamedParameterJdbcTemplate jdbc, AdministrativeUnits units, Denominators denominators,
                          StatisticsProperties properties, InstallQueue installQueue, Attestations attestations) {
        this.jdbc = jdbc;
        this.units = units;
        this.denominators = denominators;
        this.properties = properties;
        this.installQueue = installQueue;
        this.rankedOnAttested = attestations.requiredForRanking();
    }

    /** Whether rates count attested installs only ({@code bluezone.registry.attestation.required-for-ranking}). */
    public boolean rankedOnAttested() {
        return rankedOnAttested;
    }

    public StatisticsProperties properties() {
        return properties;
    }

    public UnitFigures figures(String code, LocalDate day) {
        AdministrativeUnit unit = units.require(code);
        return figures(List.of(unit), day).get(0);
    }

    public Ranking ranking(String code, LocalDate day) {
        AdministrativeUnit parentUnit = units.require(code);
        List<AdministrativeUnit> children = units.children(code);
        List<AdministrativeUnit> all = new ArrayList<>(children);
        all.add(parentUnit);
        List<UnitFigures> figures = figures(all, day);
        UnitFigures parent = figures.get(figures.size() - 1);
        List<UnitFigures> rows = new ArrayList<>(figures.subList(0, figures.size() - 1));
        rows.sort(Comparator.comparing((UnitFigures f) -> f.populationRate() == null)
                .thenComparing(f -> f.populationRate() == null ? 0 : -f.populationRate())
                .thenComparing(f -> -f.installs()));
        long installs = parent.installs() - rows.stream().mapToLong(UnitFigures::installs).sum();
        long yesterday = parent.installsYesterday() - rows.stream().mapToLong(UnitFigures::installsYesterday).sum();
        long weekAgo = parent.installsWeekAgo() - rows.stream().mapToLong(UnitFigures::installsWeekAgo).sum();
        long a1 = parent.active1d() - rows.stream().mapToLong(UnitFigures::active1d).sum();
        long a7 = parent.active7d() - rows.stream().mapToLong(UnitFigures::active7d).sum();
        long bt = parent.bluetoothOn() - rows.stream().mapToLong(UnitFigures::bluetoothOn).sum();
        long attested = parent.attestedInstalls() - rows.stream().mapToLong(UnitFigures::attestedInstalls).sum();
        long attestedWeekAgo = parent.attestedWeekAgo() - rows.stream().mapToLong(UnitFigures::attestedWeekAgo).sum();
        UnitFigures unassigned = installs == 0 && a7 == 0 && weekAgo == 0 ? null
                : new UnitFigures(null, day, installs, yesterday, weekAgo, a1, a7, bt, null, null, null, false,
                null, null, false, false, attested, attestedWeekAgo, rankedOnAttested);
        return new Ranking(parent, rows, unassigned);
    }

    /** Figures of several units on a day, in the order given: three queries whatever the number of units. */
    public List<UnitFigures> figures(List<AdministrativeUnit> list, LocalDate day) {
        List<String> codes = list.stream().map(AdministrativeUnit::code).toList();
        Map<String, long[]> counters = counters(codes, day);
        Map<String, Map<DenominatorKind, Long>> now = denominators.inForce(codes, day);
        Map<String, Map<DenominatorKind, Long>> weekAgo = denominators.inForce(codes, day.minusDays(7));
        List<UnitFigures> result = new ArrayList<>(list.size());
        for (AdministrativeUnit u : list) {
            long[] c = counters.getOrDefault(u.code(), new long[8]);
            long ranked = rankedOnAttested ? c[6] : c[0];
            Map<DenominatorKind, Long> d = now.getOrDefault(u.code(), Map.of());
            Map<DenominatorKind, Long> w = weekAgo.getOrDefault(u.code(), Map.of());
            Long phones = d.get(DenominatorKind.SMARTPHONE_USERS);
            boolean subscribers = phones == null && d.get(DenominatorKind.MOBILE_SUBSCRIBERS) != null;
            if (phones == null) {
                phones = d.get(DenominatorKind.MOBILE_SUBSCRIBERS);
            }
            Long phonesWeekAgo = w.getOrDefault(DenominatorKind.SMARTPHONE_USERS,
                    w.get(DenominatorKind.MOBILE_SUBSCRIBERS));
            Long population = d.get(DenominatorKind.POPULATION);
            boolean underFloor = population != null && population > 0
                    && (double) ranked / population < properties.floor();
            boolean underTarget = phones != null && phones > 0 && (double) ranked / phones < properties.target();
            result.add(new UnitFigures(u, day, c[0], c[1], c[2], c[3], c[4], c[5], population,
                    d.get(DenominatorKind.HOUSEHOLDS), phones, subscribers, w.get(DenominatorKind.POPULATION),
                    phonesWeekAgo, underFloor, underTarget, c[6], c[7], rankedOnAttested));
        }
        return result;
    }

    /** installs to day, to day-1, to day-7; active_1d, active_7d, bluetooth_on_1d on day; attested to day, day-7. */
    private Map<String, long[]> counters(Collection<String> codes, LocalDate day) {
        Map<String, long[]> result = new HashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        installQueue.flush(); // registrations committed so far are in the figures
        List<String> list = new ArrayList<>(codes);
        for (int from = 0; from < list.size(); from += 500) {
            MapSqlParameterSource p = new MapSqlParameterSource("units", list.subList(from,
                    Math.min(list.size(), from + 500)))
                    .addValue("d", Date.valueOf(day)).addValue("y", Date.valueOf(day.minusDays(1)))
                    .addValue("w", Date.valueOf(day.minusDays(7)));
            jdbc.query("SELECT unit_code, SUM(installs), "
                    + "SUM(CASE WHEN stat_day <= :y THEN installs ELSE 0 END), "
                    + "SUM(CASE WHEN stat_day <= :w THEN installs ELSE 0 END), "
                    + "SUM(CASE WHEN stat_day = :d THEN active_1d ELSE 0 END), "
                    + "SUM(CASE WHEN stat_day = :d THEN active_7d ELSE 0 END), "
                    + "SUM(CASE WHEN stat_day = :d THEN bluetooth_on_1d ELSE 0 END), SUM(attested_installs), "
                    + "SUM(CASE WHEN stat_day <= :w THEN attested_installs ELSE 0 END) "
                    + "FROM unit_day_stat WHERE unit_code IN (:units) AND stat_day <= :d GROUP BY unit_code", p,
                    rs -> {
                        result.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)});
                    });
        }
        return result;
    }

    /** Daily points from {@code from} to {@code to}, with cumulative installs. */
    public List<TrendPoint> trend(String code, LocalDate from, LocalDate to) {
        units.require(code);
        installQueue.flush();
        Map<LocalDate, long[]> rows = new HashMap<>();
        long[] before = new long[2]; // installs, attested installs before the first day
        jdbc.query("SELECT stat_day, installs, active_1d, active_7d, bluetooth_on_1d, attested_installs "
                        + "FROM unit_day_stat WHERE unit_code = :unit AND stat_day <= :to",
                new MapSqlParameterSource("unit", code).addValue("to", Date.valueOf(to)), rs -> {
                    LocalDate d = rs.getDate(1).toLocalDate();
                    if (d.isBefore(from)) {
                        before[0] += rs.getLong(2);
                        before[1] += rs.getLong(6);
                    } else {
                        // Striped units have several rows a day (StatisticsCounters): they add up.
                        long[] r = rows.computeIfAbsent(d, k -> new long[5]);
                        for (int i = 0; i < 5; i++) {
                            r[i] += rs.getLong(i + 2);
                        }
                    }
                });
        // History is newest first: the first population entry at or before a day is the one in force.
        List<vn.bluezone.server.registry.DenominatorEntry> populations = denominators.history(code).stream()
                .filter(e -> e.kind() == DenominatorKind.POPULATION).toList();
        List<TrendPoint> points = new ArrayList<>();
        long cumulative = before[0];
        long attested = before[1];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] r = rows.getOrDefault(d, new long[5]);
            cumulative += r[0];
            attested += r[4];
            LocalDate day = d;
            Long pop = populations.stream().filter(e -> !e.asOf().isAfter(day)).findFirst()
                    .map(vn.bluezone.server.registry.DenominatorEntry::amount).orElse(null);
            // The rate is the ranked one: attested installs only unless required-for-ranking is off.
            long ranked = rankedOnAttested ? attested : cumulative;
            points.add(new TrendPoint(d, cumulative, r[0], r[1], r[2], r[3],
                    pop == null || pop == 0 ? null : (double) ranked / pop));
        }
        return points;
    }
}
