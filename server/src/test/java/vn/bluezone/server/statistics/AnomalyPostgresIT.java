package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.registry.RegistrationPrefixRetention;
import vn.bluezone.server.registry.RegistrationPrefixes;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.UnitLevel;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;

/**
 * The prefix counts and the one-network flag on PostgreSQL: concurrent registrations from one /24 (the same counter
 * row, inserted once and then updated) are all counted, every level groups (the country too), the flag is raised,
 * and the retention job deletes the rows after 48 hours.
 */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(vn.bluezone.server.support.TestClockConfig.class)
class AnomalyPostgresIT {
    @Autowired MockMvc mvc;
    @Autowired RegistrationPrefixes prefixes;
    @Autowired RegistrationPrefixRetention retention;
    @Autowired AnomalyDetector detector;
    @Autowired RegistryClock clock;
    @Autowired MutableClock time;

    @Test
    void concurrentRegistrationsFromOneNetworkAreCountedAndFlagged() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String address = "203.0.113." + (i + 1);
                done.add(pool.submit(() -> {
                    mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"platform\":\"android\",\"appVersion\":\"1.0\",\"communeCode\":\"19873\"}")
                                    .with(r -> {
                                        r.setRemoteAddr(address);
                                        return r;
                                    }))
                            .andExpect(status().isCreated());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(prefixes.lastDay(UnitLevel.COMMUNE, List.of("19873")).get("19873").values()).containsExactly(40L);
        assertThat(prefixes.lastDay(UnitLevel.PROVINCE, List.of("46")).get("46").values()).containsExactly(40L);
        assertThat(prefixes.lastDay(UnitLevel.NATION, null).get("VN").values()).containsExactly(40L);
        assertThat(detector.within("46", clock.today(), 10)).anySatisfy(f -> {
            assertThat(f.unit().code()).isEqualTo("19873");
            assertThat(f.flags()).extracting(AnomalyFlag::rule).contains(AnomalyFlag.Rule.ONE_NETWORK);
        });
        var start = time.instant();
        try {
            time.advance(Duration.ofHours(49));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(prefixes.rows()).isZero();
        } finally {
            time.set(start);
        }
    }
}
