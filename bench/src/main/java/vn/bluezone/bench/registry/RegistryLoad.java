package vn.bluezone.bench.registry;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.bench.keyserver.KeepAliveConnection;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.registry.RegistrationPrefixes;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.statistics.UnitStatistics;

/**
 * Load generator for the registry on PostgreSQL: N registered devices spread over all 10,599 communes, then
 * latency of the dashboard queries (figures, ranking, trend) against a baseline measured in the same run (the same
 * ranking computed by scanning the device table, which the roll-ups avoid), then registrations per second through
 * the real service (roll-ups included) against a baseline of plain device-row inserts.
 *
 * <pre>java -cp ... vn.bluezone.bench.registry.RegistryLoad JDBC_URL [devices=10000000] [seconds=30] [threads=8] [stripes=16] [apiSeconds=seconds]</pre>
 * {@code stripes} is {@code bluezone.statistics.counter-stripes}: 1 measures the unstriped counters of before.
 * Runs in a fresh schema, dropped at the end. Devices are bulk-inserted with generate_series and their roll-ups
 * computed by one aggregation (the live path, tested elsewhere, would take hours for 10 million).
 */
public final class RegistryLoad {
    private RegistryLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RegistryLoad JDBC_URL [devices] [seconds] [threads]");
            System.exit(2);
        }
        String base = args[0];
        long devices = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int stripes = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int apiSeconds = args.length > 5 ? Integer.parseInt(args[5]) : seconds;
        String schema = "bz_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        ConfigurableApplicationContext ctx = null;
        try {
            ctx = SpringApplication.run(BluezoneServer.class,
                "--server.port=0", "--bluezone.demo.enabled=false",
                "--bluezone.db.url=" + url, "--bluezone.db.user=", "--bluezone.db.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                "--spring.datasource.hikari.maximum-pool-size=" + (threads + 2), "--logging.level.root=warn",
                "--logging.level.vn.bluezone.server.web.Refused=warn", // the baseline's 400s, one log line each
                "--bluezone.statistics.counter-stripes=" + stripes,
                // The API phase sends every registration from 127.0.0.1: no per-address limit (0), the limiter still runs.
                "--bluezone.network-limits.registration-per-address=0",
                "--bluezone.network-limits.registration-per-prefix=0");
            run(ctx, devices, seconds, threads, apiSeconds);
        } finally {
            if (ctx != null) {
                ctx.close();
            }
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static void run(ConfigurableApplicationContext ctx, long devices, int seconds, int threads, int apiSeconds)
            throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        AdministrativeUnits units = ctx.getBean(AdministrativeUnits.class);
        UnitStatistics statistics = ctx.getBean(UnitStatistics.class);
        DeviceRegistry registry = ctx.getBean(DeviceRegistry.class);
        LocalDate today = ctx.getBean(RegistryClock.class).today();
        int days = 90;

        long t0 = System.nanoTime();
        // Communes numbered 0..10598 so that device i lives in commune i mod 10599.
        jdbc.execute("CREATE TEMP TABLE bench_commune AS SELECT code, (row_number() OVER (ORDER BY code)) - 1 AS n "
                + "FROM admin_unit WHERE unit_level = 3");
        // Indexes are built once after the bulk insert (much faster than maintaining them row by row).
        jdbc.execute("ALTER TABLE device DROP CONSTRAINT device_install_code_uk");
        jdbc.execute("ALTER TABLE device DROP CONSTRAINT device_referral_code_uk");
        jdbc.execute("DROP INDEX device_referred_by_ix");
        jdbc.execute("DROP INDEX device_place_code_ix");
        jdbc.execute("ALTER TABLE device SET UNLOGGED");
        jdbc.update("INSERT INTO device (id, secret_hash, platform, app_version, commune_code, install_code, "
                + "referral_code, registered_at, registered_day, last_seen_day, bluetooth_on) "
                + "SELECT md5(i::text)::uuid::text, md5('s' || i), CASE WHEN i % 4 = 0 THEN 'ios' ELSE 'android' END, "
                + "'4.0', c.code, 'B' || lpad(to_hex(i), 7, '0'), 'R' || lpad(to_hex(i), 6, '0'), now(), "
                + "?::date - (i % " + days + ")::int, CASE WHEN i % 5 < 2 THEN ?::date - (i % 7)::int END, i % 3 > 0 "
                + "FROM generate_series(1, ?) AS i JOIN bench_commune c ON c.n = i % 10599",
                today, today, devices);
        jdbc.execute("ALTER TABLE device SET LOGGED");
        jdbc.execute("ALTER TABLE device ADD CONSTRAINT device_install_code_uk UNIQUE (install_code)");
        jdbc.execute("ALTER TABLE device ADD CONSTRAINT device_referral_code_uk UNIQUE (referral_code)");
        jdbc.execute("CREATE INDEX device_referred_by_ix ON device (referred_by)");
        jdbc.execute("CREATE INDEX device_place_code_ix ON device (place_code)");
        long loaded = System.nanoTime();
        // Roll-ups: communes, then every ancestor by joining up the hierarchy.
        jdbc.update("INSERT INTO unit_day_stat (unit_code, stat_day, installs) SELECT commune_code, registered_day, "
                + "count(*) FROM device GROUP BY commune_code, registered_day");
        jdbc.update("UPDATE unit_day_stat s SET active_1d = a.n, bluetooth_on_1d = a.bt FROM (SELECT commune_code, "
                + "last_seen_day, count(*) n, count(*) FILTER (WHERE bluetooth_on) bt FROM device WHERE last_seen_day "
                + "IS NOT NULL GROUP BY 1, 2) a WHERE s.unit_code = a.commune_code AND s.stat_day = a.last_seen_day");
        jdbc.update("UPDATE unit_day_stat s SET active_7d = a.n FROM (SELECT commune_code, count(*) n FROM device "
                + "WHERE last_seen_day > ?::date - 7 GROUP BY 1) a WHERE s.unit_code = a.commune_code "
                + "AND s.stat_day = ?", today, today);
        for (int level = 3; level >= 1; level--) {
            jdbc.update("INSERT INTO unit_day_stat (unit_code, stat_day, installs, active_1d, bluetooth_on_1d, "
                    + "active_7d) SELECT u.parent_code, s.stat_day, sum(installs), sum(active_1d), "
                    + "sum(bluetooth_on_1d), sum(active_7d) FROM unit_day_stat s JOIN admin_unit u ON u.code = "
                    + "s.unit_code WHERE u.unit_level = ? GROUP BY u.parent_code, s.stat_day", level);
        }
        jdbc.execute("ANALYZE");
        long rolled = System.nanoTime();
        long count = jdbc.queryForObject("SELECT count(*) FROM device", Long.class);
        long vn = statistics.figures("VN", today).installs();
        System.out.printf(Locale.ROOT, "devices: %,d (roll-up says %,d) in %,d communes; bulk load %.0f s, "
                        + "roll-ups %.0f s, unit_day_stat rows %,d%n", count, vn, 10_599,
                (loaded - t0) / 1e9, (rolled - loaded) / 1e9,
                jdbc.queryForObject("SELECT count(*) FROM unit_day_stat", Long.class));

        List<String> districts = units.children("46").stream().map(AdministrativeUnit::code).toList();
        String province = "46";
        String district = districts.get(0);
        String commune = units.children(district).get(0).code();
        List<Row> rows = new ArrayList<>();
        rows.add(measure("national ranking (63 provinces)", 200, () -> statistics.ranking("VN", today)));
        rows.add(measure("province ranking (districts of 46)", 200, () -> statistics.ranking(province, today)));
        rows.add(measure("district ranking (communes)", 200, () -> statistics.ranking(district, today)));
        rows.add(measure("commune figures", 200, () -> statistics.figures(commune, today)));
        rows.add(measure("province trend (42 days)", 200,
                () -> statistics.trend(province, today.minusDays(41), today)));
        Row baseline = measure("baseline: national ranking by scanning devices", 5, () -> jdbc.queryForList(
                "SELECT d.parent_code, count(*) FROM device x JOIN admin_unit c ON c.code = x.commune_code "
                        + "JOIN admin_unit d ON d.code = c.parent_code GROUP BY d.parent_code"));
        System.out.println("| query | runs | p50 ms | p95 ms | max ms | p95 vs scan baseline |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.4f |%n", r.name, r.runs, r.p50, r.p95,
                    r.max, r.p95 / baseline.p95);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | 1 |%n", baseline.name, baseline.runs,
                baseline.p50, baseline.p95, baseline.max);

        List<String> communes = jdbc.queryForList("SELECT code FROM bench_commune ORDER BY n", String.class);
        // The two loads alternate in short rounds (live, plain, live, plain, ...), so that a change in the machine's
        // other load (it is shared) weighs on both alike; the figures are the totals over all rounds. Registrations
        // carry an installation id, as the app sends one (a repeat then answers with the same device).
        Job registration = i -> registry.register(new DeviceRegistration("android", "4.0", null,
                communes.get((int) (i % communes.size())), null, null, null, UUID.randomUUID().toString(), null));
        Job plainInsert = i -> jdbc.update("INSERT INTO device (id, secret_hash, platform, "
                + "app_version, commune_code, install_code, referral_code, registered_at, registered_day) VALUES "
                + "(?, md5(?), 'android', '4.0', ?, ?, ?, now(), current_date)", UUID.randomUUID().toString(),
                "s" + i, communes.get((int) (i % communes.size())), "P" + Long.toHexString(i | 0x1000000L),
                "Q" + Long.toHexString(i | 0x100000L));
        int rounds = Math.max(1, seconds / 10);
        double liveSum = 0;
        double plainSum = 0;
        java.util.concurrent.atomic.AtomicLong codes = new java.util.concurrent.atomic.AtomicLong();
        String load0 = loadAverage();
        for (int r = 0; r < rounds; r++) {
            liveSum += throughput(threads, seconds / rounds, registration);
            plainSum += throughput(threads, seconds / rounds, i -> plainInsert.run(codes.incrementAndGet()));
        }
        double live = liveSum / rounds;
        double plain = plainSum / rounds;
        System.out.printf(Locale.ROOT, "registrations/s with roll-ups (%d threads, %d s each, "
                + "alternating 10 s rounds, %d counter stripes): %.0f; "
                + "baseline plain device-row inserts: %.0f; ratio %.2f; load average before/after %s / %s%n",
                threads, seconds,
                ctx.getBean(vn.bluezone.server.statistics.StatisticsProperties.class).counterStripes(), live, plain,
                live / plain, load0, loadAverage());

        // The HTTP API (issue 15 §5): POST /api/v1/devices over loopback, with the prefix counts, against requests
        // of the same size that the server refuses before any database work (platform "xxxxxxx": 400 BAD_PLATFORM).
        URI base = URI.create("http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/");
        RegistrationPrefixes prefixes = ctx.getBean(RegistrationPrefixes.class);
        prefixes.flush();
        long prefixBefore = sumPrefixes(jdbc);
        AtomicLong apiCreated = new AtomicLong();
        AtomicLong apiFailed = new AtomicLong();
        ThreadLocal<KeepAliveConnection> connections = ThreadLocal.withInitial(() -> new KeepAliveConnection(base));
        Job apiRegistration = i -> {
            KeepAliveConnection.Response answer = connections.get().send(KeepAliveConnection.post(base,
                    "api/v1/devices", body("android", communes.get((int) (i % communes.size())))));
            (answer.status() == 201 ? apiCreated : apiFailed).incrementAndGet();
        };
        Job apiRefused = i -> {
            KeepAliveConnection.Response answer = connections.get().send(KeepAliveConnection.post(base,
                    "api/v1/devices", body("xxxxxxx", communes.get((int) (i % communes.size())))));
            if (answer.status() != 400) {
                apiFailed.incrementAndGet();
            }
        };
        double apiSum = 0;
        double refusedSum = 0;
        String load1 = loadAverage();
        int apiRounds = Math.max(1, apiSeconds / 10);
        for (int r = 0; r < apiRounds && apiSeconds > 0; r++) {
            apiSum += throughput(threads, apiSeconds / apiRounds, apiRegistration);
            refusedSum += throughput(threads, apiSeconds / apiRounds, apiRefused);
        }
        double api = apiSum / apiRounds;
        double refused = refusedSum / apiRounds;
        System.out.printf(Locale.ROOT, "API: registrations/s through POST /api/v1/devices (%d connections, %d s each, "
                + "alternating 10 s rounds): %.0f; baseline same-size requests refused before the database: %.0f; "
                + "ratio %.2f; %d unexpected answers; load average before/after %s / %s%n", threads, apiSeconds, api,
                refused, api / refused, apiFailed.get(), load1, loadAverage());
        prefixes.flush();
        long prefixCounted = sumPrefixes(jdbc) - prefixBefore;
        System.out.printf(Locale.ROOT, "API registrations %,d = prefix counts written %,d: %s%n", apiCreated.get(),
                prefixCounted, apiCreated.get() == prefixCounted ? "exact" : "MISMATCH");

        long total = jdbc.queryForObject("SELECT count(*) FROM device", Long.class);
        long counted = statistics.figures("VN", today).installs();
        // The baseline's rows have no roll-ups; their install codes are 'P1...' (never a real code: no '1' in those).
        long plainRows = jdbc.queryForObject("SELECT count(*) FROM device WHERE install_code LIKE 'P1%'", Long.class);
        System.out.printf(Locale.ROOT, "after the runs: %,d devices = roll-up total %,d + %,d baseline rows: %s%n",
                total, counted, plainRows, total == counted + plainRows ? "exact" : "MISMATCH");
    }

    /** A registration body; every platform value has the same length, so refused requests are as large. */
    static String body(String platform, String commune) {
        return "{\"platform\":\"" + platform + "\",\"appVersion\":\"4.0\",\"communeCode\":\"" + commune
                + "\",\"installationId\":\"" + UUID.randomUUID() + "\"}";
    }

    static long sumPrefixes(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(registrations), 0) FROM registration_prefix_hour", Long.class);
        return n == null ? 0 : n;
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    record Row(String name, int runs, double p50, double p95, double max) {
    }

    static Row measure(String name, int runs, Supplier<?> query) {
        for (int i = 0; i < Math.min(20, runs); i++) {
            query.get(); // warm-up: JIT, connection pool, PostgreSQL caches
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Row(name, runs, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
    }

    interface Job {
        void run(long i) throws Exception;
    }

    static double throughput(int threads, int seconds, Job job) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    job.run(next.incrementAndGet());
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
