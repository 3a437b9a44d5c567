package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.TestDatabase;

/**
 * The requests issue 15 found answered with a 500 and a stack trace, sent byte for byte over a real socket (so
 * Tomcat's own parsing takes part): each gets a 4xx with a stable code and at most one log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;
    private static String adminKey;

    @BeforeEach
    void key() {
        if (adminKey == null) {
            Official admin = accounts.create("test", "root2", "Root", Role.ADMIN, null, "a-long-enough-secret", false);
            adminKey = apiKeys.issue(admin, "test").key();
        }
    }

    record Answer(int status, String head, String body) {
    }

    Answer raw(String head, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String h = head + "Host: 127.0.0.1\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            out.write(h.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? text : text.substring(0, split), split < 0 ? "" : text.substring(split + 4));
        }
    }

    @Test
    void wildcardContentType(CapturedOutput out) throws Exception {
        Answer a = raw("POST /api/v1/devices HTTP/1.1\r\nContent-Type: */*\r\n",
                "{\"platform\":\"android\",\"appVersion\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(415);
        assertThat(a.body()).contains("\"UNSUPPORTED_MEDIA_TYPE\"");
        Answer b = raw("POST /api/v1/verify HTTP/1.1\r\nContent-Type: application/*\r\n", "{}".getBytes());
        assertThat(b.status()).isEqualTo(415);
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void undecodableFormBody(CapturedOutput out) throws Exception {
        byte[] bad = "username=%E0%A4%A&password=%zz%ff".getBytes(StandardCharsets.ISO_8859_1);
        for (String path : new String[] {"/login", "/api/v1/devices", "/api/v1/verify", "/console/accounts"}) {
            Answer a = raw("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n", bad);
            assertThat(a.status()).as(path).isBetween(300, 499);
            Answer b = raw("PUT " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n", bad);
            assertThat(b.status()).as("PUT " + path).isBetween(300, 499);
        }
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void nulByteInQueryParameter(CapturedOutput out) throws Exception {
        Answer a = raw("GET /api/v1/units?q=hu%00e HTTP/1.1\r\n", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("\"INVALID_PARAMETER\"");
        Answer b = raw("GET /api/v1/admin/units?q=hu%00e HTTP/1.1\r\nX-Api-Key: " + adminKey + "\r\n", null);
        assertThat(b.status()).isEqualTo(400);
        Answer c = raw("GET /console/accounts?q=%00 HTTP/1.1\r\n", null);
        assertThat(c.status()).isBetween(300, 499);
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void nulInAPhonesJsonIsRefusedBeforeItReachesTheDatabase(CapturedOutput out) throws Exception {
        Answer a = raw("POST /api/v1/devices HTTP/1.1\r\nContent-Type: application/json\r\n",
                "{\"platform\":\"android\",\"appVersion\":\"1\",\"model\":\"a\\u0000b\"}".getBytes());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("\"INVALID_FIELD\"");
        // An escaped backslash followed by "u0000" is text, not a NUL: it reaches the controller (which has its own
        // rule for models).
        Answer b = raw("POST /api/v1/devices HTTP/1.1\r\nContent-Type: application/json\r\n",
                "{\"platform\":\"android\",\"appVersion\":\"1\",\"model\":\"a\\\\u0000b\"}".getBytes());
        assertThat(b.body()).contains("\"BAD_MODEL\"");
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void nonMultipartImport(CapturedOutput out) throws Exception {
        Answer a = raw("POST /api/v1/admin/denominators/import HTTP/1.1\r\nX-Api-Key: " + adminKey
                + "\r\nContent-Type: text/csv\r\n", "unit_code,kind,amount\n".getBytes());
        assertThat(a.status()).isBetween(400, 499);
        assertThat(a.body()).contains("\"NOT_MULTIPART\"");
        Answer b = raw("POST /api/v1/admin/denominators/import HTTP/1.1\r\nX-Api-Key: " + adminKey
                + "\r\nContent-Type: multipart/form-data\r\n", "garbage".getBytes());
        assertThat(b.status()).isBetween(400, 499);
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void longPassphrasesWorkAndOverlongPasswordsAreA400(CapturedOutput out) throws Exception {
        // 41 characters, 58 bytes of UTF-8 in NFC... and twice that: over BCrypt's 72 bytes.
        String passphrase = "Đường về quê ngoại mùa lúa chín vàng ươm, 2026 "
                + "và con đò nhỏ đợi bên bến sông quê nhà";
        assertThat(passphrase.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100);
        Answer a = raw("POST /api/v1/admin/me/password HTTP/1.1\r\nX-Api-Key: " + adminKey
                        + "\r\nContent-Type: application/json; charset=utf-8\r\n",
                ("{\"currentPassword\":\"a-long-enough-secret\",\"newPassword\":\"" + passphrase + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.body()).isBetween(200, 299);
        // The stored hash verifies the whole passphrase (what form login checks), and only it.
        String hash = accounts.loadUserByUsername("root2").getPassword();
        assertThat(hash).startsWith("{bcrypt-sha256}");
        assertThat(encoder.matches(passphrase, hash)).isTrue();
        assertThat(encoder.matches(passphrase.substring(0, passphrase.length() - 1) + "x", hash)).isFalse();
        Answer common = raw("POST /api/v1/admin/me/password HTTP/1.1\r\nX-Api-Key: " + adminKey
                        + "\r\nContent-Type: application/json\r\n",
                ("{\"currentPassword\":\"" + passphrase + "\",\"newPassword\":\"Password123\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.body()).contains("WEAK_PASSWORD");
        assertThat(out.getAll()).doesNotContain("\tat org.");
    }
}
