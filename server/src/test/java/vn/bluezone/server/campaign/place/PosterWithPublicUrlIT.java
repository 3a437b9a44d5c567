package vn.bluezone.server.campaign.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.print.PdfChecks;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Field problem 1, the configured side: the places page shows the address posters will carry before printing, the
 * poster link gives a PDF whose QR code and printed address are that public address, never localhost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.public-url=https://bluezone.quangngan.example.vn/"})
class PosterWithPublicUrlIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired PlaceService places;

    @Test
    void thePosterCarriesThePublicAddressShownBeforePrinting() throws Exception {
        Place market = places.create("19873", null, "MARKET", "Chợ Quảng Ngạn", null, "test");
        accounts.create("test", "ubnd.quangngan", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "commune-pass-1", false);
        browser.login("ubnd.quangngan", "commune-pass-1");
        for (var size : new org.openqa.selenium.Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/campaign/places");
            assertThat(browser.find("#poster-address").getText())
                    .contains("https://bluezone.quangngan.example.vn/i/");
            assertThat(browser.has("#poster-blocked")).isFalse();
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
            browser.shot("1-poster-address");
        }
        String href = browser.find("a.poster-link").getAttribute("href");
        HttpResponse<byte[]> pdf = browser.download(href.substring(href.indexOf("/console")));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String expected = "https://bluezone.quangngan.example.vn/i/" + market.code();
        assertThat(PdfChecks.text(pdf.body())).contains(expected).doesNotContain("localhost");
        BufferedImage page = PdfChecks.render(pdf.body(), 150);
        PdfChecks.savePng(page, "field-1-poster-A4");
        assertThat(PdfChecks.decodeQr(page)).startsWith(expected + "#"); // the check-in payload (issue 14)
        Files.write(Path.of("target", "screenshots", "field", "1-poster-A4.pdf"), pdf.body());
    }
}
