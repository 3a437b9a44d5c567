package vn.bluezone.server.keys.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.keys.sms.SmsSender.Reason;
import vn.bluezone.server.keys.sms.SmsSender.SmsFailed;

/** {@link HttpSmsSender} against a fake gateway on a loopback port: what it sends, and how it fails. */
class HttpSmsSenderIT {
    private FakeSmsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeSmsGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void postsThePhoneAndTheTextAsJsonWithTheBearerToken() throws Exception {
        String text = "Bluezone: ma xac minh \"12\\34\"\n het han 14:07";
        new HttpSmsSender(gateway.url(), "s3cret-token", Duration.ofSeconds(5)).send("+84912345678", text);

        assertThat(gateway.received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/sms");
            assertThat(r.authorization()).isEqualTo("Bearer s3cret-token");
            assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
            JsonNode body = JsonMapper.builder().build().readTree(r.body());
            assertThat(body.get("to").asString()).isEqualTo("+84912345678");
            assertThat(body.get("text").asString()).isEqualTo(text);
            assertThat(body.size()).isEqualTo(2);
        });
    }

    @Test
    void noTokenMeansNoAuthorizationHeader() {
        new HttpSmsSender(gateway.url(), " ", Duration.ofSeconds(5)).send("+84912345678", "x");
        assertThat(gateway.received.get(0).authorization()).isNull();
    }

    @Test
    void aGatewayErrorIsRefusedWithItsStatus() {
        gateway.status = 503;
        HttpSmsSender sender = new HttpSmsSender(gateway.url(), null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> sender.send("+84912345678", "x")).isInstanceOfSatisfying(SmsFailed.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.REFUSED);
            assertThat(e.status()).isEqualTo(503);
        });
        gateway.status = 401;
        assertThatThrownBy(() -> sender.send("+84912345678", "x")).isInstanceOfSatisfying(SmsFailed.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void aSlowGatewayIsATimeoutWithinTheBound() {
        gateway.delayMillis = 5_000;
        HttpSmsSender sender = new HttpSmsSender(gateway.url(), null, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> sender.send("+84912345678", "x")).isInstanceOfSatisfying(SmsFailed.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("time to give up on a gateway that does not answer").isLessThan(3_000);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpSmsSender sender = new HttpSmsSender(URI.create("http://127.0.0.1:" + closed + "/sms"), null,
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> sender.send("+84912345678", "x")).isInstanceOfSatisfying(SmsFailed.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }
}
