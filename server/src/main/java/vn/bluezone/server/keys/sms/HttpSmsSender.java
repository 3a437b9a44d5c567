package vn.bluezone.server.keys.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends through an HTTP SMS gateway: {@code POST <gateway-url>} with {@code {"to": "+84...", "text": "..."}}
 * (JSON, UTF-8) and, when a token is set, {@code Authorization: Bearer <token>}. Any 2xx answer means accepted;
 * anything else, or no answer within the timeout, is {@link SmsFailed}. Most Vietnamese brand-name SMS gateways
 * take such a request directly or through a small adapter.
 */
public class HttpSmsSender implements SmsSender {
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
        String body = "{\"to\":\"" + json(phone) + "\",\"text\":\"" + json(text) + "\"}";
        HttpRequest.Builder req = HttpRequest.newBuilder(gateway).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<Void> answer = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new SmsFailed("the SMS gateway answered " + answer.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsFailed("the SMS gateway could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailed("interrupted while sending", e);
        }
    }

    @Override
    public boolean delivers() {
        return true;
    }

    /** JSON string content: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
