package vn.bluezone.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.web.limits.ClientHasher;
import vn.bluezone.server.web.limits.NetworkPrefix;

/**
 * Prefix counts are added up in memory and written in batches (issue 15 §5): a registration is in the table only
 * after a flush, a flush writes each count exactly once even while registrations keep arriving, and the rows are
 * what one statement per registration wrote before (sums per hour, unit and prefix, with the unit's ancestors).
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "bluezone.registry.prefixes.flush-delay-ms=3600000") // only the test flushes
class RegistrationPrefixBatchTest extends RegistryTestSupport {
    @Autowired MockMvc mvc;
    @Autowired MutableClock time;
    @Autowired RegistrationPrefixes prefixes;
    @Autowired ClientHasher hasher;
    @Autowired JdbcTemplate jdbc;

    private long stored(String commune, String address) {
        Long n = jdbc.queryForObject("SELECT SUM(registrations) FROM registration_prefix_hour WHERE unit_code = ? "
                        + "AND prefix_hash = ? AND hour_start = ?", Long.class, commune,
                hasher.clientHash(NetworkPrefix.of(address).value()),
                java.sql.Timestamp.from(time.instant().truncatedTo(ChronoUnit.HOURS)));
        return n == null ? 0 : n;
    }

    @Test
    void aRegistrationIsCountedInMemoryAndWrittenByTheNextFlush() throws Exception {
        prefixes.flush();
        for (int i = 1; i <= 3; i++) {
            mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"platform\":\"ios\",\"appVersion\":\"1.0\",\"communeCode\":\"19882\"}")
                            .with(r -> {
                                r.setRemoteAddr("198.18.7." + 1);
                                return r;
                            }))
                    .andExpect(status().isCreated());
        }
        long before = stored("19882", "198.18.7.1");
        assertThat(prefixes.pendingRegistrations()).as("nothing written by the registrations").isGreaterThanOrEqualTo(3);
        assertThat(prefixes.flush()).isGreaterThanOrEqualTo(3);
        assertThat(stored("19882", "198.18.7.1")).isEqualTo(before + 3);
        assertThat(prefixes.pendingRegistrations()).isZero();
        // The row carries the commune's ancestors, as the per-registration statement wrote them.
        assertThat(jdbc.queryForList("SELECT commune_code, district_code, province_code FROM registration_prefix_hour "
                + "WHERE unit_code = '19882'")).allSatisfy(row -> {
                    assertThat(row.get("commune_code")).isEqualTo("19882");
                    assertThat(row.get("province_code")).isEqualTo("46");
                    assertThat(row.get("district_code")).isEqualTo(units.find("19882").orElseThrow().parentCode());
                });
    }

    @Autowired AdministrativeUnits units;

    @Test
    void countsRecordedWhileFlushesRunAreWrittenExactlyOnce() throws Exception {
        prefixes.flush();
        String[] addresses = {"198.18.40.1", "198.18.41.1", "2001:db8:40::1"};
        long[] before = new long[addresses.length];
        for (int a = 0; a < addresses.length; a++) {
            before[a] = stored("19885", addresses[a]);
        }
        Instant hour = time.instant().truncatedTo(ChronoUnit.HOURS);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean recording = new AtomicBoolean(true);
        List<Future<?>> recorders = new ArrayList<>();
        int perThread = 2_000;
        for (int t = 0; t < 4; t++) {
            recorders.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    prefixes.record("19885", addresses[i % addresses.length]);
                }
            }));
        }
        Future<Long> flusher = pool.submit(() -> {
            long flushed = 0;
            int rounds = 0;
            while (recording.get() || rounds == 0) {
                flushed += prefixes.flush();
                rounds++;
            }
            return flushed;
        });
        for (Future<?> f : recorders) {
            f.get();
        }
        recording.set(false);
        long flushedWhileRecording = flusher.get();
        pool.shutdown();
        long last = prefixes.flush();
        assertThat(flushedWhileRecording + last).isEqualTo(4L * perThread);
        assertThat(time.instant().truncatedTo(ChronoUnit.HOURS)).isEqualTo(hour);
        long total = 0;
        for (int a = 0; a < addresses.length; a++) {
            total += stored("19885", addresses[a]) - before[a];
        }
        assertThat(total).isEqualTo(4L * perThread);
        // 2,000 per thread over three prefixes in turn: 667 + 667 + 666 per thread
        assertThat(stored("19885", addresses[0]) - before[0]).isEqualTo(4L * 667);
        assertThat(stored("19885", addresses[2]) - before[2]).isEqualTo(4L * 666);
    }
}
