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
}
