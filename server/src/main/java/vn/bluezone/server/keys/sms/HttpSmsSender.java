package vn.bluezone.server.keys.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.keys.sms.SmsSender.Reason;

/**
 * Sends through an HTTP SMS gateway: {@code POST <gateway-url>} with {@code {"to": "+84...", "text": "..."}}
 * (JSON, UTF-8) and, when a token is set, {@code Authorization: Bearer <token>}. Any 2xx answer means accepted;
 * anything else is {@link Reason#REFUSED} with the status, no connection {@link Reason#UNREACHABLE}, and no answer
 * within the timeout (connecting and answering each) {@link Reason#TIMEOUT}. Most Vietnamese brand-name SMS
 * gateways take such a request directly or through a small adapter.
 */
public class HttpSmsSender implements SmsSender {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public HttpSmsSender(URI gateway, String token, Duration timeout) {
        this.gateway = gateway;
        this.token = token == null || token.isBlank() ? null : token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String phone, String text) {
        String body = JSON.writeValueAsString(Map.of("to", phone, "text", text));
        HttpRequest.Builder req = HttpRequest.newBuilder(gateway).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> answer;
        try {
            answer = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new SmsFailed(Reason.TIMEOUT, 0, "the SMS gateway did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new SmsFailed(Reason.UNREACHABLE, 0, "the SMS gateway could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailed(Reason.UNREACHABLE, 0, "interrupted while sending", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new SmsFailed(Reason.REFUSED, answer.statusCode(),
                    "the SMS gateway answered " + answer.statusCode(), null);
        }
    }

    @Override
    public boolean delivers() {
        return true;
    }
}
