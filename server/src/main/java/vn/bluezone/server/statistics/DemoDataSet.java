package vn.bluezone.server.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.Villages;

/**
 * A clearly labelled demo: simulated installs over several weeks in one province (Thừa Thiên Huế by default),
 * with simulated population and smartphone figures for its districts and communes and six villages in Xã Quảng
 * Ngạn. Every simulated figure carries the source {@link #SOURCE}; villages are created by the user "demo".
 * The simulation writes roll-ups directly (commune by commune, summed up the hierarchy, so parents still equal the
 * sum of their children); it creates no device rows. Loaded once: a database that already has it is left alone.
 */
@Component
public class DemoDataSet implements ApplicationRunner {
    public static final String ACTOR = "demo";
    /** Stored as a mark, not a sentence: pages write it in the reader's language (stats.denominators.demoSource). */
    public static final String SOURCE = "DEMO";
    /** The bilingual sentence that databases loaded before the mark still hold. */
    static final String LEGACY_SOURCE = "DEMO: simulated figure, not official data / Dữ liệu mô phỏng, không chính thức";
    public static final Set<String> SOURCES = Set.of(SOURCE, LEGACY_SOURCE);
    private static final Logger log = LoggerFactory.getLogger(DemoDataSet.class);

    private final DemoProperties properties;
    private final AdministrativeUnits units;
    private final Villages villages;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RegistryClock clock;

    public DemoDataSet(DemoProperties properties, AdministrativeUnits units, Villages villages, JdbcTemplate jdbc,
                       TransactionTemplate tx, RegistryClock clock) {
        this.properties = properties;
        this.units = units;
        this.villages = villages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (isLoaded()) {
            return;
        }
        tx.executeWithoutResult(s -> load(clock.today()));
        log.info("Demo data set loaded: simulated installs in {} (disable with --no-demo)", properties.province());
    }

    public boolean isLoaded() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM denominator WHERE entered_by = ?", Boolean.class, ACTOR));
    }

    /** Per unit and day: installs, active_1d, bluetooth_on_1d, active_7d, attested_installs. */
    private final Map<String, Map<LocalDate, long[]>> stats = new HashMap<>();

    void load(LocalDate today) {
        stats.clear();
        AdministrativeUnit province = units.require(properties.province());
        Random random = new Random(2020_04_18L); // Bluezone launch day: the same demo on every machine
        long provincePopulation = provincePopulation(province.code());
        List<AdministrativeUnit> communes = new ArrayList<>();
        for (AdministrativeUnit d : units.children(province.code())) {
            communes.addAll(units.children(d.code()));
        }
        Map<String, Double> weight = new LinkedHashMap<>();
        double total = 0;
        for (AdministrativeUnit c : communes) {
            double w = 0.4 + random.nextDouble() * 1.6;
            weight.put(c.code(), w);
            total += w;
        }
        LocalDate asOf = today.minusDays(properties.days() + 30L);
        Map<String, Long> population = new HashMap<>();
        Map<String, Long> phones = new HashMap<>();
        for (AdministrativeUnit c : communes) {
            long p = Math.round(provincePopulation * weight.get(c.code()) / total);
            population.put(c.code(), p);
            phones.put(c.code(), Math.round(p * (0.55 + random.nextDouble() * 0.2)));
        }
        List<AdministrativeUnit> villageUnits = createVillages();
        for (AdministrativeUnit c : communes) {
            simulateCommune(c, population.get(c.code()), random, today);
        }
        splitIntoVillages(villageUnits, population, phones, random);
        // Denominators: communes and villages simulated, districts the sum of their communes.
        List<Object[]> figures = new ArrayList<>();
        Map<String, long[]> districtSums = new HashMap<>();
        for (AdministrativeUnit c : communes) {
            figures.add(new Object[] {c.code(), "POPULATION", population.get(c.code())});
            figures.add(new Object[] {c.code(), "SMARTPHONE_USERS", phones.get(c.code())});
            long[] s = districtSums.computeIfAbsent(c.parentCode(), k -> new long[2]);
            s[0] += population.get(c.code());
            s[1] += phones.get(c.code());
        }
        districtSums.forEach((d, s) -> {
            figures.add(new Object[] {d, "POPULATION", s[0]});
            figures.add(new Object[] {d, "SMARTPHONE_USERS", s[1]});
        });
        figures.add(new Object[] {province.code(), "SMARTPHONE_USERS",
                districtSums.values().stream().mapToLong(s -> s[1]).sum()});
        for (AdministrativeUnit v : villageUnits) {
            figures.add(new Object[] {v.code(), "POPULATION", population.get(v.code())});
            figures.add(new Object[] {v.code(), "SMARTPHONE_USERS", phones.get(v.code())});
        }
        Timestamp now = Timestamp.from(clock.clock().instant());
        jdbc.batchUpdate("INSERT INTO denominator (unit_code, kind, amount, as_of, source, entered_by, entered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", figures.stream().map(f -> new Object[] {f[0], f[1], f[2],
                Date.valueOf(asOf), SOURCE, ACTOR, now}).toList());
        writeStats();
    }

    private long provincePopulation(String code) {
        List<Long> p = jdbc.queryForList("SELECT amount FROM denominator WHERE unit_code = ? AND kind = 'POPULATION' "
                + "ORDER BY as_of DESC, id DESC", Long.class, code);
        return p.isEmpty() ? 1_000_000L : p.get(0);
    }

    private List<AdministrativeUnit> createVillages() {
        List<AdministrativeUnit> list = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            list.add(villages.create(properties.commune(), i <= 5 ? "thon" : "to-dan-pho", String.valueOf(i), ACTOR));
        }
        return list;
    }

    /**
     * Installs follow a logistic curve towards a commune-specific final rate (a fifth of communes lag under 10%
     * of population); about a third of installs are active on a given day and most of those have Bluetooth on.
     */
    private void simulateCommune(AdministrativeUnit commune, long population, Random random, LocalDate today) {
        boolean lagging = random.nextDouble() < 0.2;
        double finalRate = lagging ? 0.02 + random.nextDouble() * 0.07 : 0.12 + random.nextDouble() * 0.38;
        double midpoint = properties.days() * (0.3 + random.nextDouble() * 0.4);
        double steepness = 3 + random.nextDouble() * 5;
        double active = 0.25 + random.nextDouble() * 0.2;
        double bluetooth = 0.6 + random.nextDouble() * 0.25;
        long previous = 0;
        List<String> chain = units.chainCodes(commune.code());
        // Most installs attested, a commune-specific share not (old phones, sideloaded apps): shown apart as
        // "chưa xác thực". Drawn from its own generator so the other demo figures stay as they were.
        double attestedShare = 0.72 + new Random(commune.code().hashCode()).nextDouble() * 0.24;
        long previousAttested = 0;
        for (int t = 0; t < properties.days(); t++) {
            LocalDate day = today.minusDays(properties.days() - 1L - t);
            long cumulative = Math.round(population * finalRate / (1 + Math.exp(-(t - midpoint) / steepness)));
            cumulative = Math.max(previous, cumulative);
            double noise = 0.9 + random.nextDouble() * 0.2;
            long active1 = Math.min(cumulative, Math.round(cumulative * active * noise));
            long active7 = Math.min(cumulative, Math.round(cumulative * Math.min(0.9, active * 1.6) * noise));
            long bt = Math.round(active1 * bluetooth);
            long attested = Math.max(previousAttested, Math.round(cumulative * attestedShare));
            long[] values = {cumulative - previous, active1, bt, active7, attested - previousAttested};
            for (String code : chain) {
                add(code, day, values);
            }
            previous = cumulative;
            previousAttested = attested;
        }
    }

    /** Villages get shares of the commune's counters; what is left over shows as "no village chosen". */
    private void splitIntoVillages(List<AdministrativeUnit> villageUnits, Map<String, Long> population,
                                   Map<String, Long> phones, Random random) {
        String commune = properties.commune();
        double[] share = new double[villageUnits.size()];
        double sum = 0;
        for (int i = 0; i < share.length; i++) {
            share[i] = 0.5 + random.nextDouble();
            sum += share[i];
        }
        Map<LocalDate, long[]> communeStats = stats.getOrDefault(commune, Map.of());
        for (int i = 0; i < share.length; i++) {
            double s = share[i] / sum * 0.9; // 10% of installs chose no village
            String code = villageUnits.get(i).code();
            population.put(code, Math.round(population.get(commune) * share[i] / sum));
            phones.put(code, Math.round(phones.get(commune) * share[i] / sum));
            double villageRate = i == 0 ? 0.35 : 1.0; // one village lags, to show the highlight
            // New installs are split as a share of the running total, not day by day: flooring each small daily
            // count would leave a village with no installs yet active users (the active counts are larger).
            long communeTotal = 0;
            long villageTotal = 0;
            long communeAttested = 0;
            long villageAttested = 0;
            for (Map.Entry<LocalDate, long[]> e : new java.util.TreeMap<>(communeStats).entrySet()) {
                long[] c = e.getValue();
                communeTotal += c[0];
                communeAttested += c[4];
                long total = Math.round(communeTotal * s * villageRate);
                long attested = Math.min(total, Math.max(villageAttested,
                        Math.round(communeAttested * s * villageRate)));
                long[] v = {total - villageTotal, (long) (c[1] * s * villageRate), (long) (c[2] * s * villageRate),
                        (long) (c[3] * s * villageRate), attested - villageAttested};
                villageAttested = attested;
                v[3] = Math.min(v[3], total); // never more active users than installs
                v[1] = Math.min(v[1], v[3]);
                v[2] = Math.min(v[2], v[1]);
                villageTotal = total;
                add(code, e.getKey(), v);
            }
        }
    }

    private void add(String code, LocalDate day, long[] values) {
        long[] row = stats.computeIfAbsent(code, k -> new HashMap<>()).computeIfAbsent(day, k -> new long[5]);
        for (int i = 0; i < 5; i++) {
            row[i] += values[i];
        }
    }

    private void writeStats() {
        List<Object[]> rows = new ArrayList<>();
        stats.forEach((code, days) -> days.forEach((day, v) ->
                rows.add(new Object[] {code, Date.valueOf(day), v[0], v[1], v[2], v[3], v[4]})));
        // Added to whatever real registrations already counted on those days (stripe 0 of the striped rows).
        for (Object[] r : rows) {
            int updated = jdbc.update("UPDATE unit_day_stat SET installs = installs + ?, active_1d = active_1d + ?, "
                    + "bluetooth_on_1d = bluetooth_on_1d + ?, active_7d = active_7d + ?, "
                    + "attested_installs = attested_installs + ? "
                    + "WHERE unit_code = ? AND stat_day = ? AND stripe = 0", r[2], r[3], r[4], r[5], r[6], r[0], r[1]);
            if (updated == 0) {
                jdbc.update("INSERT INTO unit_day_stat (unit_code, stat_day, installs, active_1d, bluetooth_on_1d, "
                        + "active_7d, attested_installs) VALUES (?, ?, ?, ?, ?, ?, ?)", r);
            }
        }
    }
}
