package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestDatabase;

/**
 * Request size and time limits over real sockets (issue 15 §1): a body over its endpoint's limit is refused with
 * 413 before it is read (by its Content-Length) or as soon as it passes the limit (chunked); a phone's body that
 * does not arrive in time gets 408; console bodies beyond the allowed number at once get 503 at once. Every refusal
 * arrives promptly, without waiting for the rest of the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluezone.demo.enabled=false", "bluezone.http.body-read-timeout=2s", "bluezone.http.blocking-body-reads=2",
        "bluezone.http.trusted-proxies=127.0.0.1"})
class BodyLimitsTest {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;

    Socket open(String head) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        s.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    /** The status line and body of the answer (read until the server closes or 5 s pass). */
    static String answer(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
                if (all.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // what came so far
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsLengthBeforeItIsSent() throws Exception {
        // 30 MB announced for a registration (limit 16 KB): refused without reading a byte of it.
        try (Socket s = open("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 31457280\r\n")) {
            long t0 = System.nanoTime();
            String a = answer(s);
            assertThat(a).startsWith("HTTP/1.1 413").contains("\"PAYLOAD_TOO_LARGE\"");
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        }
        try (Socket s = open("POST /api/v1/diagnosis-keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 70000\r\n")) {
            assertThat(answer(s)).startsWith("HTTP/1.1 413");
        }
        try (Socket s = open("POST /api/v1/admin/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\n")) {
            assertThat(answer(s)).startsWith("HTTP/1.1 413");
        }
        // Within its limit an upload-sized body goes through to the controller (here: no certificate → 400).
        String keys = "{\"temporaryExposureKeys\":[],\"padding\":\"" + "A".repeat(12_000) + "\"}";
        try (Socket s = open("POST /api/v1/diagnosis-keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + keys.length() + "\r\n")) {
            s.getOutputStream().write(keys.getBytes(StandardCharsets.US_ASCII));
            assertThat(answer(s)).startsWith("HTTP/1.1 400").contains("X-Content-Type-Options: nosniff")
                    .contains("Cache-Control: no-store");
        }
        try (Socket s = open("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n")) {
            s.getOutputStream().write("{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(answer(s)).contains("X-Content-Type-Options: nosniff").contains("X-Frame-Options: DENY");
        }
    }

    /** With 127.0.0.1 listed as a trusted proxy, the verification limiter counts the forwarded client addresses. */
    @Test
    void theLimiterCountsForwardedClientsBehindATrustedProxy() throws Exception {
        for (int i = 0; i < 12; i++) { // 12 clients, one guess each: none is limited (10 per client at once)
            assertThat(verify("203.0.113." + i)).startsWith("HTTP/1.1 400");
        }
        String last = "";
        for (int i = 0; i < 12; i++) { // one client, 12 guesses: the 11th is refused
            last = verify("198.51.100.77");
        }
        assertThat(last).startsWith("HTTP/1.1 429");
    }

    /** A wrong 16-character SMS code: limited per address, never by the 8-digit guess budget (GuessingAttackIT). */
    private String verify(String forwardedFor) throws Exception {
        try (Socket s = open("POST /api/v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: 27\r\n")) {
            s.getOutputStream().write("{\"code\":\"ABCDEFGHJKMNPQRS\"}".getBytes(StandardCharsets.US_ASCII));
            return answer(s);
        }
    }

    @Test
    void aChunkedBodyIsRefusedWhenItPassesTheLimit() throws Exception {
        try (Socket s = open("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n")) {
            OutputStream out = s.getOutputStream();
            String chunk = "{\"model\":\"" + "x".repeat(12_000);
            out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
            // 12 KB and then 8 KB more: past the registration limit (16 KB, room for an App Attest attestation).
            out.write(("2000\r\n" + "y".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(answer(s)).startsWith("HTTP/1.1 413").contains("\"PAYLOAD_TOO_LARGE\"");
        }
        // The console wants a length (a browser always sends one).
        try (Socket s = open("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n")) {
            assertThat(answer(s)).startsWith("HTTP/1.1 411");
        }
    }

    @Test
    void aPhonesBodyThatDoesNotArriveInTimeGets408() throws Exception {
        try (Socket s = open("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n")) {
            s.getOutputStream().write("{\"platform\"".getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            String a = answer(s);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(a).startsWith("HTTP/1.1 408").contains("\"BODY_TIMEOUT\"");
            assertThat(ms).isBetween(1000L, 4500L);
        }
    }

    @Test
    void slowConsoleBodiesBeyondTheAllowedNumberGet503AtOnce() throws Exception {
        List<Socket> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket h = open("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 1000\r\n");
                h.getOutputStream().write("username=".getBytes(StandardCharsets.US_ASCII));
                holders.add(h);
            }
            Thread.sleep(500);
            try (Socket s = open("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n")) {
                s.getOutputStream().write("user".getBytes(StandardCharsets.US_ASCII));
                long t0 = System.nanoTime();
                String a = answer(s);
                assertThat(a).startsWith("HTTP/1.1 503").contains("Retry-After");
                assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1500);
            }
            // A phone is not affected: its body is read without a thread.
            try (Socket s = open("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n")) {
                s.getOutputStream().write("{}".getBytes(StandardCharsets.US_ASCII));
                assertThat(answer(s)).startsWith("HTTP/1.1 400");
            }
        } finally {
            for (Socket h : holders) {
                h.close();
            }
        }
    }
}
