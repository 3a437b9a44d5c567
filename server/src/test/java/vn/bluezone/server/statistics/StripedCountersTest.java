package vn.bluezone.server.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.RegistryTestSupport;

/**
 * Issue 15 §5 on H2: concurrent registrations and heartbeats (8 threads) land on several stripes of the country's and
 * provinces' counters, and every figure is still exact: the country equals the registrations, each province the sum
 * of its districts, the country the sum of its provinces plus "not assigned", the trend the same as the figures.
 */
class StripedCountersTest extends RegistryTestSupport {
    static final LocalDate DAY = LocalDate.of(2031, 3, 17); // no other test uses this day; after every day other tests sum up to

    @Autowired
    DeviceRegistry registry;
    @Autowired
    UnitStatistics statistics;
    @Autowired
    AdministrativeUnits units;
    @Autowired
    RegistryClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.bluezone.server.support.MutableClock time;

    @AfterEach
    void systemClock() {
        time.set(java.time.Instant.now());
    }

    @Test
    void concurrentRegistrationsGiveExactTotalsAndParentsEqualTheirChildren() throws Exception {
        time.set(DAY.atTime(9, 0).atZone(clock.zone()).toInstant());
        List<String> communes = new ArrayList<>();
        for (String province : List.of("46", "45")) {
            for (AdministrativeUnit d : units.children(province)) {
                units.children(d.code()).stream().limit(3).forEach(c -> communes.add(c.code()));
            }
        }
        int n = 240;
        Map<String, Integer> perProvince = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // every tenth device picks no commune: it counts for the country only ("not assigned")
            String commune = i % 10 == 0 ? null : communes.get(i % communes.size());
            boolean bluetooth = i % 2 == 0;
            if (commune != null) {
                perProvince.merge(units.chainCodes(commune).get(1), 1, Integer::sum);
            }
            futures.add(pool.submit(() -> {
                RegisteredDevice d = registry.register(new DeviceRegistration("android", "1", null, commune, null,
                        null, null));
                registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(bluetooth, null));
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow(); // a failure must not leave registrations running into the next test
        }

        UnitFigures vn = statistics.figures("VN", DAY);
        assertEquals(n, vn.changeSinceYesterday());
        assertEquals(n, vn.active1d());
        assertEquals(n / 2, vn.bluetoothOn());
        for (String province : List.of("46", "45")) {
            Ranking r = statistics.ranking(province, DAY);
            assertEquals((long) perProvince.get(province), r.parent().changeSinceYesterday());
            assertEquals(r.parent().installs(), r.children().stream().mapToLong(UnitFigures::installs).sum());
            assertEquals(r.parent().active1d(), r.children().stream().mapToLong(UnitFigures::active1d).sum());
            assertNull(r.unassigned());
        }
        Ranking national = statistics.ranking("VN", DAY);
        long provinces = national.children().stream().mapToLong(UnitFigures::installs).sum();
        assertEquals(vn.installs(), provinces + national.unassigned().installs());
        TrendPoint trend = statistics.trend("VN", DAY, DAY).get(0);
        assertEquals(n, trend.newInstalls());
        assertEquals(vn.installs(), trend.installs());
        assertEquals(n, trend.active1d());

        // The writes did spread: several rows for the country that day, one per district and commune.
        int vnRows = jdbc.queryForObject("SELECT COUNT(*) FROM unit_day_stat WHERE unit_code = 'VN' AND stat_day = ?",
                Integer.class, java.sql.Date.valueOf(DAY));
        assertTrue(vnRows > 1 && vnRows <= 16, "country rows " + vnRows);
        String district = units.chainCodes(communes.get(1)).get(2);
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM unit_day_stat WHERE unit_code = ? AND stat_day = ?",
                Integer.class, district, java.sql.Date.valueOf(DAY)));
    }
}
