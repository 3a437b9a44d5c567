package vn.bluezone.server.statistics.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.InstallCounters;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.statistics.UnitFigures;
import vn.bluezone.server.statistics.UnitStatistics;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * A national official opens the country's dashboard in Chromium at phone (390×844) and desktop (1280×900) size: the
 * install-rate map shows the 63 provinces, each filled with the colour of its legend class, fits the window (no
 * sideways panning), names a province and its rate in its title, and a tap on a province opens its page.
 * Installs are spread over the provinces by the test (a different rate each, from 0 to about 57% of the shipped
 * 2019 census population) so every class appears. Screenshots: target/screenshots/field/map-national-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class InstallRateMapBrowserIT extends ConsoleBrowserTestSupport {
    private static final Map<String, String> FILL = Map.of("rate-c0", "rgb(178, 24, 43)", "rate-c1",
            "rgb(239, 138, 98)", "rate-c2", "rgb(209, 229, 240)", "rate-c3", "rgb(103, 169, 207)", "rate-c4",
            "rgb(33, 102, 172)");

    @Autowired AccountService accounts;
    @Autowired AdministrativeUnits units;
    @Autowired InstallCounters counters;
    @Autowired UnitStatistics statistics;
    @Autowired RegistryClock clock;

    private void seed() {
        LocalDate day = clock.today().minusDays(1);
        List<AdministrativeUnit> provinces = units.children("VN");
        for (int i = 0; i < provinces.size(); i++) {
            AdministrativeUnit p = provinces.get(i);
            UnitFigures f = statistics.figures(List.of(p), day).get(0);
            long installs = Math.round(f.population() * ((i * 37) % 63) / 110.0);
            String commune = units.children(units.children(p.code()).get(0).code()).get(0).code();
            counters.installed(List.of(new InstallCounters.Installs(units.chainCodes(commune), day, installs,
                    installs)));
        }
    }

    @Test
    void theMapFitsAPhoneAndADesktopAndLinksToTheProvinces() throws Exception {
        accounts.create("test", "map.bo", null, Role.NATIONAL, null, "national-pass-1", false);
        seed();
        browser.login("map.bo", "national-pass-1");
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/statistics/VN");
            WebElement map = browser.find("#rate-map svg");
            List<WebElement> shapes = browser.driver().findElements(By.cssSelector("#rate-map path.province"));
            assertThat(shapes).hasSize(63);
            for (WebElement s : shapes) {
                String rateClass = s.getAttribute("class").replace("province ", "");
                assertThat(s.getCssValue("fill")).as(s.getAttribute("data-unit")).isEqualTo(FILL.get(rateClass));
            }
            assertThat(shapes.stream().map(s -> s.getAttribute("class")).distinct()).hasSize(5);
            List<WebElement> swatches = browser.driver().findElements(By.cssSelector("#rate-map-legend .sw"));
            assertThat(swatches).hasSize(6);
            // Chromium reports backgrounds as rgba(…, 1) and fills as rgb(…).
            assertThat(swatches.get(0).getCssValue("background-color").replaceAll("rgba\\((.*), 1\\)", "rgb($1)"))
                    .isEqualTo(FILL.get("rate-c0"));
            assertThat(browser.find("#rate-map-legend").getText()).contains("Dưới 5,0%").contains("Từ 40,0% trở lên");
            assertThat(browser.scrollWidth()).as("no sideways panning").isLessThanOrEqualTo(browser.windowWidth());
            long mapWidth = ((Number) browser.script("return arguments[0].getBoundingClientRect().width", map))
                    .longValue();
            assertThat(mapWidth).isGreaterThan(size.equals(ConsoleBrowser.PHONE) ? 330 : 500)
                    .isLessThanOrEqualTo(browser.windowWidth());
            WebElement hue = browser.find("#rate-map path[data-unit='46']");
            assertThat(hue.findElement(By.tagName("title")).getAttribute("textContent"))
                    .matches("Tỉnh Thừa Thiên Huế: \\d+,\\d%");
            browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.find("#rate-map"));
            browser.shot("map-national");
        }
        // A tap on Gia Lai (large and compact, so the middle of its box is inside it) opens its dashboard.
        browser.script("arguments[0].scrollIntoView({block: 'center'})",
                browser.find("#rate-map path[data-unit='64']"));
        browser.find("#rate-map path[data-unit='64']").click();
        browser.await().until(d -> d.getCurrentUrl().contains("/console/statistics/64"));
        assertThat(browser.has("#rate-map")).isFalse();
    }
}
