package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Issue 16, from poster to app, in Chromium at phone size (390x844): the install page shows the APK's size,
 * version and SHA-256, and its download link serves those very bytes as an Android package; the "open the app"
 * button is an intent link carrying the place code; the referral page does the same with the referral code, and an
 * unknown code gets the Vietnamese "not found" page. No link on either page points to this machine: all are built
 * from bluezone.public-url. Screenshots: target/screenshots/field/16-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.public-url=https://bluezone.quangngan.example.vn"})
class InstallPageBrowserIT extends ConsoleBrowserTestSupport {
    static final Path APK;
    static final byte[] BYTES = new byte[2_345_678];

    static {
        try {
            Path dir = Files.createTempDirectory("bz-apk-it");
            new Random(1).nextBytes(BYTES);
            APK = Files.write(dir.resolve("bluezone.apk"), BYTES);
            Files.writeString(dir.resolve("bluezone.apk.properties"), "versionCode=1\nversionName=1.0.0\n");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("bluezone.android.apk", APK::toString);
    }

    @Autowired PlaceService places;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void phoneSize() {
        browser.size(ConsoleBrowser.PHONE);
    }

    @Test
    void theInstallPageOffersTheApkThatItsLinkServes() throws Exception {
        Place market = places.create("19873", null, "MARKET", "Chợ Quảng Ngạn", null, "test");
        browser.get("/i/" + market.code());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BYTES));
        assertThat(browser.find("#apk-size").getText()).isEqualTo("2,2 MB (2.345.678 byte)");
        assertThat(browser.find("#apk-version").getText()).isEqualTo("1.0.0");
        assertThat(browser.find("#apk-sha256").getText()).isEqualTo(sha);
        assertThat(browser.find("#open-app").getAttribute("href")).isEqualTo("intent://install?place=" + market.code()
                + "#Intent;scheme=bluezone;package=vn.bluezone.android;S.browser_fallback_url="
                + "https%3A%2F%2Fbluezone.quangngan.example.vn%2Fdownload%2Fbluezone.apk;end");
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
        assertNoLinkToThisMachine();
        browser.shot("16-install-page-apk");

        String href = browser.find("#apk").getAttribute("href");
        assertThat(href).isEqualTo("https://bluezone.quangngan.example.vn/download/bluezone.apk");
        // The public host is not this test server: fetch the same path from it.
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + URI.create(href).getPath())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.android.package-archive");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bluezone-1.0.0.apk\"");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()))).isEqualTo(sha);
    }

    @Test
    void theReferralPageOpensTheAppWithTheCodeAndAnUnknownCodeIsNotFound() throws Exception {
        HttpResponse<String> reg = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/devices")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"android\",\"appVersion\":\"1.0.0\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reg.statusCode()).isEqualTo(201);
        String code = JsonMapper.builder().build().readTree(reg.body()).get("referralCode").asString();
        browser.get("/r/" + code);
        assertThat(browser.find("#referral-code").getText()).isEqualTo(code);
        assertThat(browser.find("#open-app").getAttribute("href")).startsWith("intent://install?ref=" + code
                + "#Intent;scheme=bluezone;package=vn.bluezone.android;");
        assertThat(browser.find("#apk-sha256").getText()).hasSize(64);
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
        assertNoLinkToThisMachine();
        browser.shot("16-referral-page");

        browser.get("/r/NOPE123");
        assertThat(browser.find("h1").getText()).isEqualTo("Không tìm thấy lời mời");
        assertThat(browser.find("#unknown").getText()).contains("NOPE123", "không có trong hệ thống");
        browser.shot("16-referral-unknown");
    }

    private void assertNoLinkToThisMachine() {
        List<WebElement> links = browser.driver().findElements(By.cssSelector("a[href]"));
        assertThat(links).isNotEmpty();
        for (WebElement a : links) {
            assertThat(a.getAttribute("href")).doesNotContain("localhost").doesNotContain("127.0.0.1");
        }
    }
}
