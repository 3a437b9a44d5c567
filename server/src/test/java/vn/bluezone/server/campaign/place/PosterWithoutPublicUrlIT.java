package vn.bluezone.server.campaign.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Field problem 1 (issue 13): every printed poster carried {@code http://localhost:8080/i/...}. With the public
 * address left at a loopback value, the places page says posters cannot be printed and names the setting, offers
 * no poster link, and a poster asked for anyway (console link or API) is refused: no PDF leaves the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.public-url=http://localhost:8080"})
class PosterWithoutPublicUrlIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired PlaceService places;

    @Test
    void aPosterIsNeverPrintedWithALoopbackAddress() throws Exception {
        Place market = places.create("19873", null, "MARKET", "Chợ Quảng Ngạn", null, "test");
        accounts.create("test", "ubnd.quangngan", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "commune-pass-1", false);
        browser.login("ubnd.quangngan", "commune-pass-1");
        for (var size : new org.openqa.selenium.Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/campaign/places");
            String blocked = browser.find("#poster-blocked").getText();
            assertThat(blocked).contains("Chưa thể in áp phích").contains("bluezone.public-url")
                    .contains("BLUEZONE_PUBLIC_URL");
            assertThat(browser.has("a.poster-link")).isFalse();
            assertThat(browser.text()).doesNotContain("http://localhost");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
            browser.shot("1-poster-refused");
        }

        // Someone who kept an old link: back to the page with the refusal in Vietnamese, no PDF.
        browser.get("/console/campaign/places/" + market.id() + "/poster.pdf?size=A4");
        assertThat(browser.find("#flash-error").getText()).contains("bluezone.public-url");
        HttpResponse<byte[]> console = browser.download("/console/campaign/places/" + market.id()
                + "/poster.pdf?size=A4");
        assertThat(console.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> api = browser.download("/api/v1/admin/campaign/places/" + market.id()
                + "/poster.pdf?size=A4");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(new String(api.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"error\":\"PUBLIC_URL_MISSING\"").contains("bluezone.public-url");
    }
}
