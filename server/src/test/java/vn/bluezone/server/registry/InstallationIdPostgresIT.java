package vn.bluezone.server.registry;

import vn.bluezone.api.registry.DeviceRegistration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.server.statistics.UnitStatistics;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;

/**
 * On PostgreSQL (migration V290 and its unique index, ON CONFLICT under concurrency): eight simultaneous
 * registrations of one installation make one device, counted once; every answer names that device.
 */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = "bluezone.demo.enabled=false")
class InstallationIdPostgresIT {
    @Autowired DeviceRegistry registry;
    @Autowired UnitStatistics statistics;
    @Autowired RegistryClock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void concurrentRepeatsMakeOneDevice() throws Exception {
        long before = statistics.figures("19873", clock.today()).installs();
        DeviceRegistration r = new DeviceRegistration("android", "1.0.0", null, "19873", null, null, null,
                "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RegistrationOutcome>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<RegistrationOutcome>) () -> registry.registerOnce(r, null)));
            }
            int created = 0;
            String deviceId = null;
            for (Future<RegistrationOutcome> f : answers) {
                RegistrationOutcome o = f.get();
                created += o.created() ? 1 : 0;
                deviceId = deviceId == null ? o.device().deviceId() : deviceId;
                assertEquals(deviceId, o.device().deviceId());
            }
            assertEquals(1, created);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM device", Integer.class));
        assertEquals(before + 1, statistics.figures("19873", clock.today()).installs());
    }
}
