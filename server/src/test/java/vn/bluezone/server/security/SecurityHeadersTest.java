package vn.bluezone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.support.TestDatabase;

/** Issue 15 §4: Referrer-Policy and Permissions-Policy on pages; the session cookie is Secure behind https. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluezone.demo.enabled=false", "bluezone.public-url=https://bluezone.example.vn"})
class SecurityHeadersTest {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;

    @Test
    void pagesCarryThePoliciesAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy")).get().asString()
                .contains("camera=()", "geolocation=()", "microphone=()");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    }
}
