package vn.bluezone.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.support.MutableClock;

/**
 * The hourly prefix counts are read for 24 hours and deleted by the retention job once 48 hours old (issue 15 §3):
 * nothing about where phones registered from outlives what the anomaly rule needs.
 */
@AutoConfigureMockMvc
class RegistrationPrefixRetentionTest extends RegistryTestSupport {
    @Autowired MockMvc mvc;
    @Autowired MutableClock time;
    @Autowired RegistrationPrefixes prefixes;
    @Autowired RegistrationPrefixRetention retention;

    private void register(String address) throws Exception {
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"ios\",\"appVersion\":\"1.0\",\"communeCode\":\"19879\"}")
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andExpect(status().isCreated());
    }

    @Test
    void countsAreReadForADayAndDeletedAfterTwo() throws Exception {
        Instant start = time.instant();
        try {
            retention.run(); // rows of other tests' earlier hours
            register("2001:db8:aa:bb01::1");
            register("2001:db8:aa:bb99::7"); // same /56
            register("2001:db8:aa:cc00::1"); // another /56
            assertThat(prefixes.lastDay(UnitLevel.COMMUNE, java.util.List.of("19879")).get("19879").values())
                    .containsExactlyInAnyOrder(2L, 1L);
            long rows = prefixes.rows();

            time.advance(Duration.ofHours(25));
            assertThat(prefixes.lastDay(UnitLevel.COMMUNE, java.util.List.of("19879"))).as("older than 24 h").isEmpty();
            assertThat(retention.run()).as("still kept at 25 h").isZero();
            assertThat(prefixes.rows()).isEqualTo(rows);

            time.advance(Duration.ofHours(22)); // 47 h: the hour it was counted in started less than 48 h ago
            assertThat(retention.run()).isZero();

            time.advance(Duration.ofHours(2)); // 49 h
            register("2001:db8:aa:dd00::1"); // a new one, of this hour
            int deleted = retention.run();
            assertThat(deleted).as("our two rows (and any other test's of that hour)").isGreaterThanOrEqualTo(2);
            assertThat(prefixes.rows()).isEqualTo(rows + 1 - deleted);
            assertThat(prefixes.lastDay(UnitLevel.COMMUNE, java.util.List.of("19879")).get("19879").values())
                    .containsExactly(1L);
        } finally {
            time.set(start);
        }
    }
}
