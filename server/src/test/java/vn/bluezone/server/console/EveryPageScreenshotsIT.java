package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Issue 13's "done when": a commune chairman on a 390×844 screen sees the commune's rate, the lowest villages and
 * the trend on the home page without horizontal scrolling; and every console page is photographed in Vietnamese at
 * phone and desktop size (target/screenshots/field/pages-*.png), none of them wider than the window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=true")
class EveryPageScreenshotsIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void theCommuneChairmanSeesTheCommuneOnAPhoneAndEveryPageFits() throws Exception {
        accounts.create("test", "chutich.qn", "Chủ tịch UBND xã Quảng Ngạn", Role.COMMUNE, "19873",
                "chairman-pass-1", false);
        browser.login("chutich.qn", "chairman-pass-1");
        browser.size(ConsoleBrowser.PHONE);
        browser.get("/console");
        assertThat(browser.find("#tile-population-rate .tile-value").getText()).matches("\\d+,\\d%");
        assertThat(browser.find("#tile-phone-rate .tile-value").getText()).matches("\\d+,\\d%");
        assertThat(browser.driver().findElements(By.cssSelector("#lowest tbody tr"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getText()).containsPattern("^(Thôn|Tổ dân phố) ").containsPattern("\\d+,\\d%"));
        assertThat(browser.find("#trend polyline").getAttribute("points")).isNotBlank();
        assertThat(browser.find("#trend figcaption").getText()).containsPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
        assertThat(browser.find("#developer-tools").getText()).doesNotContain("Khoá API"); // folded away

        List<String> pages = new ArrayList<>(List.of("/console", "/console/statistics/19873",
                "/console/statistics/19873/villages", "/console/statistics/19873/denominators",
                "/console/statistics/19873/ranking", "/console/campaign",
                "/console/campaign/visits", "/console/campaign/cohorts", "/console/campaign/places",
                "/console/campaign/radio", "/console/campaign/directives", "/console/campaign/desk",
                "/console/campaign/referrals", "/console/password", "/console/api-keys"));
        jdbc.sql("SELECT id FROM campaign_directive").query(Long.class).list().stream().limit(1)
                .forEach(id -> pages.add("/console/campaign/directives/" + id));
        jdbc.sql("SELECT id FROM campaign_household").query(Long.class).list().stream().limit(1)
                .forEach(id -> pages.add("/console/campaign/visits/" + id));
        List<String> tooWide = new ArrayList<>();
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            for (String page : pages) {
                browser.get(page);
                browser.find("main");
                String name = "pages" + page.replace("/console", "").replaceAll("[^a-z0-9]+", "-");
                browser.shot(name.endsWith("-") ? name.substring(0, name.length() - 1) : name);
                if (browser.scrollWidth() > browser.windowWidth()) {
                    tooWide.add(page + " at " + size.getWidth() + "px: " + browser.scrollWidth());
                }
            }
        }
        assertThat(tooWide).as("pages wider than the window").isEmpty();
    }
}
