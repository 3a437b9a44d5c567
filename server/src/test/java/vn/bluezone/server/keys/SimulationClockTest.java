package vn.bluezone.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.TestDatabase;

/** The test-server clock: administrators move it forward over HTTP, and the key server follows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
                "bluezone.simulation-clock.enabled=true"})
class SimulationClockTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired java.time.Clock serverClock;
    @Autowired vn.bluezone.server.campaign.CampaignClock campaignClock;
    @Autowired vn.bluezone.server.registry.RegistryClock registryClock;

    private HttpResponse<String> send(String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdministratorMovesTheKeyServersClockForwardOnly() throws Exception {
        String admin = apiKeys.issue(accounts.create("test", "clock.admin", null, Role.ADMIN, null,
                "admin-password-1", false), null).key();
        String officer = apiKeys.issue(accounts.create("test", "clock.officer", null, Role.HEALTH_OFFICER, null,
                "officer-password", false), null).key();

        HttpResponse<String> now = send("GET", "/api/v1/admin/clock", null, admin);
        assertThat(now.statusCode()).isEqualTo(200);
        Instant start = Instant.parse(now.body().replaceAll(".*\"now\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        assertThat(Duration.between(start, Instant.now()).abs()).isLessThan(Duration.ofMinutes(10));

        // 100 days ahead: a symptom date 99 days in the real future is "yesterday" for the key server.
        Instant later = start.plus(Duration.ofDays(100)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(send("PUT", "/api/v1/admin/clock", "{\"now\":\"" + later + "\"}", admin).statusCode()).isEqualTo(200);
        // Every feature reads the one Clock bean: registry, statistics and campaign moved with the key server.
        assertThat(serverClock).isInstanceOf(SimulationClock.class);
        assertThat(campaignClock.now()).isEqualTo(later);
        assertThat(registryClock.clock().instant()).isEqualTo(later);
        assertThat(campaignClock.today()).isEqualTo(LocalDate.ofInstant(later, campaignClock.zone()))
                .isEqualTo(registryClock.today());
        LocalDate yesterday = LocalDate.ofInstant(later, ZoneOffset.UTC).minusDays(1);
        HttpResponse<String> code = send("POST", "/api/v1/admin/codes",
                "{\"reportType\":\"CONFIRMED_TEST\",\"symptomDate\":\"" + yesterday + "\"}", officer);
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);

        HttpResponse<String> back = send("PUT", "/api/v1/admin/clock", "{\"now\":\"" + start + "\"}", admin);
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(back.body()).contains("CLOCK_BACKWARDS");
        assertThat(send("PUT", "/api/v1/admin/clock", "{\"now\":\"" + later.plusSeconds(60) + "\"}", officer)
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/clock", null, admin).body()).contains(later.toString());
    }
}
