package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 15 §3 end to end: phones register through the real server (sockets); the installs of one commune come from
 * one /24 behind a trusted proxy, another commune's from many networks, a third's from an untrusted peer that names
 * many networks in {@code X-Forwarded-For} (ignored: only a listed proxy is believed). The statistics API, the
 * ranking page and the home dashboard of the province's official mark the first and the third for review, with the
 * reason; an official of another province is not shown them; the database holds keyed hashes, never a prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluezone.demo.enabled=false", "bluezone.http.trusted-proxies=127.0.0.2"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomalyFlagsTest {
    static final int PHONES = 40; // over the rule's minimum of 30, under the jump rule's floor of 50

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AdministrativeUnits units;
    @Autowired JdbcTemplate jdbc;
    @Autowired vn.bluezone.server.registry.RegistrationPrefixes prefixes;
    private final JsonMapper json = JsonMapper.builder().build();

    String district;
    String oneNetwork;
    String manyNetworks;
    String untrusted;

    @BeforeAll
    void registerPhones() throws Exception {
        AdministrativeUnit d = units.children("46").get(0);
        district = d.code();
        List<AdministrativeUnit> communes = units.children(district);
        oneNetwork = communes.get(0).code();
        manyNetworks = communes.get(1).code();
        untrusted = communes.get(2).code();
        for (int i = 0; i < PHONES; i++) {
            // Behind the trusted proxy 127.0.0.2: 40 addresses of 203.0.113.0/24 for one commune ...
            assertThat(register("127.0.0.2", "203.0.113." + (i + 1), oneNetwork)).startsWith("HTTP/1.1 201");
            // ... and 40 different /24 networks for the next.
            assertThat(register("127.0.0.2", "198.51." + i + ".9", manyNetworks)).startsWith("HTTP/1.1 201");
            // From a peer that is not a proxy, its X-Forwarded-For is ignored: all from 127.0.0.1.
            assertThat(register("127.0.0.1", "192.0." + i + ".1", untrusted)).startsWith("HTTP/1.1 201");
        }
    }

    private String register(String from, String forwardedFor, String commune) throws Exception {
        String body = "{\"platform\":\"android\",\"appVersion\":\"4.2.0\",\"communeCode\":\"" + commune + "\"}";
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nX-Forwarded-For: " + forwardedFor + "\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private UserDetails official(String username, Role role, String area) {
        if (accounts.find(username).isEmpty()) {
            accounts.create("test", username, null, role, area, "a-long-test-password", false);
        }
        return accounts.loadUserByUsername(username);
    }

    @Test
    void theApiMarksTheCommunesWhoseInstallsCameFromOneNetwork() throws Exception {
        String body = mvc.perform(get("/api/v1/admin/statistics/" + district + "/ranking")
                        .with(user(official("anomaly.province", Role.PROVINCE, "46"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode ranking = json.readTree(body);
        JsonNode flagged = null;
        for (JsonNode c : ranking.get("children")) {
            String code = c.get("unit").get("code").asString();
            JsonNode flags = c.get("flags");
            if (code.equals(oneNetwork) || code.equals(untrusted)) {
                assertThat(flags.size()).as(code).isEqualTo(1);
                assertThat(flags.get(0).get("rule").asString()).isEqualTo("ONE_NETWORK");
                assertThat(flags.get(0).get("observed").asLong()).isEqualTo(PHONES);
                flagged = flags.get(0);
            } else {
                assertThat(flags == null || flags.isEmpty()).as(code + " spread over many networks").isTrue();
            }
        }
        assertThat(flagged).isNotNull();
        assertThat(flagged.get("reason").asString())
                .isEqualTo("100,0% lượt cài đặt trong 24 giờ (40 trên 40) đến từ một dải mạng");
        assertThat(flagged.get("reasonEn").asString())
                .isEqualTo("100.0% of the installs of the last 24 hours (40 of 40) came from one network");
        // The unit's own figures carry the flag too.
        String one = mvc.perform(get("/api/v1/admin/statistics/" + oneNetwork)
                        .with(user(official("anomaly.province", Role.PROVINCE, "46"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(one).get("flags").get(0).get("rule").asString()).isEqualTo("ONE_NETWORK");
    }

    @Test
    void theRankingPageAndTheHomeDashboardShowTheFlagsToOfficialsOfTheArea() throws Exception {
        UserDetails province = official("anomaly.province", Role.PROVINCE, "46");
        String page = mvc.perform(get("/console/statistics/" + district).with(user(province)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-unit=\"" + oneNetwork + "\"").contains("data-unit=\"" + untrusted + "\"")
                .doesNotContain("data-unit=\"" + manyNetworks + "\"").contains("đến từ một dải mạng");
        String all = mvc.perform(get("/console/statistics/46/ranking").param("level", "COMMUNE")
                        .with(user(province))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("data-unit=\"" + oneNetwork + "\"").doesNotContain("data-unit=\"" + manyNetworks + "\"");
        String home = mvc.perform(get("/console").with(user(province))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String section = home.substring(home.indexOf("id=\"anomalies\""));
        assertThat(section).contains("data-unit=\"" + oneNetwork + "\"").contains("data-unit=\"" + untrusted + "\"")
                .doesNotContain("data-unit=\"" + manyNetworks + "\"");
        String english = mvc.perform(get("/console").param("lang", "en").with(user(province)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("came from one network");
        // The district's own official sees them; another province's does not.
        String districtHome = mvc.perform(get("/console").with(user(official("anomaly.district", Role.DISTRICT,
                district)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(districtHome).contains("data-unit=\"" + oneNetwork + "\"");
        String hanoi = mvc.perform(get("/console").with(user(official("anomaly.hanoi", Role.PROVINCE, "01"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(hanoi).doesNotContain("data-unit=\"" + oneNetwork + "\"").contains("id=\"anomalies\"");
    }

    @Test
    void theServerKeepsKeyedHashesOfNetworksNeverAddresses() {
        prefixes.flush(); // the counts are written in batches (issue 15 §5); this test reads the table itself
        List<String> hashes = jdbc.queryForList("SELECT DISTINCT prefix_hash FROM registration_prefix_hour",
                String.class);
        assertThat(hashes).hasSize(1 + PHONES + 1).allMatch(h -> h.matches("[0-9a-f]{32}"));
        assertThat(jdbc.queryForObject("SELECT SUM(registrations) FROM registration_prefix_hour", Long.class))
                .isEqualTo(3L * PHONES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_prefix_hour WHERE commune_code = ? "
                + "AND district_code = ? AND province_code = '46'", Long.class, oneNetwork, district)).isEqualTo(1L);
    }
}
