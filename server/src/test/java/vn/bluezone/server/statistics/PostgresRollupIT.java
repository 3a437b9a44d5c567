package vn.bluezone.server.statistics;

import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.api.registry.DeviceRegistration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;

/**
 * The roll-ups on PostgreSQL (the production engine, where counters use INSERT ... ON CONFLICT DO UPDATE), with
 * concurrent registrations and heartbeats: no lost update, parents still equal the sum of their children, and the
 * country's counters are striped (issue 15 §5).
 * Runs when BLUEZONE_TEST_POSTGRES_URL is set (.ci/run sets it), in a schema of its own.
 */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@org.springframework.context.annotation.Import(vn.bluezone.server.support.TestClockConfig.class)
class PostgresRollupIT {
    @Autowired
    DeviceRegistry registry;
    @Autowired
    UnitStatistics statistics;
    @Autowired
    AdministrativeUnits units;
    @Autowired
    RegistryClock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    vn.bluezone.server.support.MutableClock time;
    @Autowired
    vn.bluezone.server.registry.InstallQueue installQueue;

    @AfterEach
    void systemClock() {
        time.set(java.time.Instant.now());
    }

    @Test
    void concurrentRegistrationsAndHeartbeatsLoseNothing() throws Exception {
        assertEquals(10_599, units.count(vn.bluezone.server.registry.UnitLevel.COMMUNE));
        LocalDate day = LocalDate.of(2021, 8, 10);
        time.set(day.atTime(12, 0).atZone(clock.zone()).toInstant());
        List<String> communes = new ArrayList<>();
        for (AdministrativeUnit d : units.children("46")) {
            units.children(d.code()).forEach(c -> communes.add(c.code()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RegisteredDevice>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String commune = communes.get(i % communes.size());
            futures.add(pool.submit(() -> {
                RegisteredDevice d = registry.register(new DeviceRegistration("android", "1", null, commune, null,
                        null, null));
                registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, null));
                // a racing second heartbeat the same day must not count twice
                registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, null));
                return d;
            }));
        }
        for (Future<RegisteredDevice> f : futures) {
            f.get();
        }
        pool.shutdown();
        UnitFigures province = statistics.figures("46", day);
        assertEquals(400, province.installs());
        assertEquals(400, province.active1d());
        assertEquals(400, province.active7d());
        assertEquals(400, province.bluetoothOn());
        Ranking r = statistics.ranking("46", day);
        assertEquals(400, r.children().stream().mapToLong(UnitFigures::installs).sum());
        assertEquals(null, r.unassigned());
        assertEquals(400, statistics.figures("VN", day).installs());
        for (AdministrativeUnit d : units.children("46")) {
            Ranking district = statistics.ranking(d.code(), day);
            assertEquals(district.parent().installs(),
                    district.children().stream().mapToLong(UnitFigures::installs).sum());
            assertEquals(district.parent().active7d(),
                    district.children().stream().mapToLong(UnitFigures::active7d).sum());
        }
        // issue 15 §5: the country's and the province's counters of the day were spread over several stripes
        int countryRows = jdbc.queryForObject("SELECT COUNT(*) FROM unit_day_stat WHERE unit_code = 'VN' "
                + "AND stat_day = ?", Integer.class, java.sql.Date.valueOf(day));
        assertTrue(countryRows > 1 && countryRows <= 16, "country rows " + countryRows);
        assertEquals(400, statistics.trend("VN", day, day).get(0).newInstalls());
        // the shipped census figure is in force: 400 / 1,128,620; these installs carry no attestation, so they are
        // shown apart and the ranked rate (attested installs only, issue 15 §3) is 0
        assertTrue(Math.abs((double) province.installs() / province.population() - 400.0 / 1_128_620) < 1e-12);
        assertEquals(400, province.unattestedInstalls());
        assertEquals(0.0, province.populationRate());
    }

    /**
     * Issue 15 §5: new installs are one statement without a transaction, repeats of an installation answer the same
     * device, and the queue is applied by several flushers at once (as the scheduled one, readers and other servers
     * do): every install is counted once, none is lost, and the queue is empty afterwards.
     */
    @Test
    void installsRegisteredWhileSeveralFlushesRunAreCountedOnce() throws Exception {
        LocalDate day = LocalDate.of(2021, 8, 11);
        time.set(day.atTime(9, 0).atZone(clock.zone()).toInstant());
        List<String> communes = new ArrayList<>();
        units.children("46").forEach(d -> units.children(d.code()).forEach(c -> communes.add(c.code())));
        long province0 = statistics.figures("46", day).installs();
        long country0 = statistics.figures("VN", day).installs();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicBoolean registering = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Future<Long>> flushers = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            flushers.add(pool.submit(() -> {
                long applied = 0;
                while (registering.get()) {
                    applied += installQueue.flush();
                }
                return applied;
            }));
        }
        List<Future<Boolean>> registrations = new ArrayList<>();
        int installs = 600;
        for (int i = 0; i < installs; i++) {
            String commune = communes.get(i % communes.size());
            String installation = i % 2 == 0 ? UUID.randomUUID().toString() : null;
            registrations.add(pool.submit(() -> {
                DeviceRegistration r = new DeviceRegistration("android", "1", null, commune, null, null, null,
                        installation, null);
                boolean created = registry.registerOnce(r, null).created();
                if (installation != null) {
                    // the app retrying after a lost answer: the same device, never a second install
                    assertEquals(false, registry.registerOnce(r, null).created());
                }
                return created;
            }));
        }
        for (Future<Boolean> f : registrations) {
            assertTrue(f.get());
        }
        registering.set(false);
        long applied = 0;
        for (Future<Long> f : flushers) {
            applied += f.get();
        }
        pool.shutdown();
        applied += installQueue.flush();
        assertTrue(applied > 0 && applied <= installs, "applied by the test's flushers (the scheduled one took the rest): "
                + applied);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM install_queue", Integer.class));
        // figures are totals up to the day (the other test's installs came the day before); the trend has the day's
        assertEquals(installs, statistics.figures("46", day).installs() - province0);
        assertEquals(installs, statistics.figures("VN", day).installs() - country0);
        assertEquals(installs, statistics.trend("VN", day, day).get(0).newInstalls());
        assertEquals(installs, statistics.trend("46", day, day).get(0).newInstalls());
        Ranking r = statistics.ranking("46", day);
        assertEquals(statistics.figures("46", day).installs(),
                r.children().stream().mapToLong(UnitFigures::installs).sum());
    }
}
