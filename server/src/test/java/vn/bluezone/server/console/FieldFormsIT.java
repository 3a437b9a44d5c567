package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Field problems 4, 5 and 7 of issue 13 in Chromium, at phone and desktop size: refused forms come back filled with
 * the message next to the field; an impossible day in an import is refused, not changed; a health station's single
 * account sees only links it may use, each of which opens an HTML page (never JSON), can issue F0 codes, read
 * quarantine records and its commune's statistics, and gets error pages in its language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class FieldFormsIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired HouseholdService households;
    @Autowired JdbcClient jdbc;

    private void type(String css, String value) {
        WebElement e = browser.find(css);
        e.clear();
        e.sendKeys(value);
    }

    private void setValue(String css, String value) {
        browser.script("document.querySelector(arguments[0]).value = arguments[1]", css, value);
    }

    @Test
    void refusedFormsComeBackFilled() throws Exception {
        String haLac = villages.create("19873", "thon", "Hà Lạc", "test").code();
        long household = households.add("19873", haLac, "Nguyễn Văn An", "Xóm 1", 4, 3, "test").id();
        accounts.create("test", "ubnd.qn", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "commune-pass-1", false);
        browser.login("ubnd.qn", "commune-pass-1");
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/campaign/cohorts");
            type("#person-form input[name=fullName]", "[DEMO] Trần Thị Bình");
            type("#person-form input[name=phone]", "12345");
            type("#person-form input[name=idNumber]", "046123456789");
            new Select(browser.find("#person-form select[name=villageCode]")).selectByVisibleText("Thôn Hà Lạc");
            type("#person-form input[name=address]", "Xóm 2, thôn Hà Lạc");
            new Select(browser.find("#person-form select[name=cohort]")).selectByValue("HOME_QUARANTINE");
            setValue("#person-form input[name=startDate]", today.toString());
            setValue("#person-form input[name=endDate]", today.plusDays(14).toString());
            browser.find("#person-form button[type=submit]").click();

            assertThat(browser.find("#error-phone").getText()).contains("Số điện thoại");
            assertThat(browser.find("#person-form input[name=fullName]").getAttribute("value"))
                    .isEqualTo("[DEMO] Trần Thị Bình");
            assertThat(browser.find("#person-form input[name=phone]").getAttribute("value")).isEqualTo("12345");
            assertThat(browser.find("#person-form input[name=idNumber]").getAttribute("value"))
                    .isEqualTo("046123456789");
            assertThat(new Select(browser.find("#person-form select[name=villageCode]")).getFirstSelectedOption()
                    .getText()).isEqualTo("Thôn Hà Lạc");
            assertThat(browser.find("#person-form input[name=address]").getAttribute("value"))
                    .isEqualTo("Xóm 2, thôn Hà Lạc");
            assertThat(new Select(browser.find("#person-form select[name=cohort]")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("HOME_QUARANTINE");
            assertThat(browser.find("#person-form input[name=startDate]").getAttribute("value"))
                    .isEqualTo(today.toString());
            assertThat(browser.find("#person-form input[name=endDate]").getAttribute("value"))
                    .isEqualTo(today.plusDays(14).toString());
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
            browser.script("document.getElementById('error-phone').scrollIntoView()");
            browser.shot("4-cohort-refused");

            // A visit whose counts do not add up keeps its counts and notes.
            browser.get("/console/campaign/visits/" + household);
            type("#smartphonesPresent", "2");
            type("#alreadyInstalled", "1");
            type("#installedNow", "2");
            type("#refused", "1");
            type("#refusalReason", "Không muốn cài");
            type("#branch", "Chi đoàn Hà Lạc");
            browser.find("#save").click();
            assertThat(browser.find("#flash-error").getText()).isNotBlank();
            assertThat(browser.find("#installedNow").getAttribute("value")).isEqualTo("2");
            assertThat(browser.find("#alreadyInstalled").getAttribute("value")).isEqualTo("1");
            assertThat(browser.find("#refusalReason").getAttribute("value")).isEqualTo("Không muốn cài");
            assertThat(browser.find("#branch").getAttribute("value")).isEqualTo("Chi đoàn Hà Lạc");
            browser.shot("4-visit-refused");
        }
        assertThat(households.visits(household)).isEmpty();
    }

    @Test
    void anImpossibleDayInAnImportIsRefusedNotMoved() throws Exception {
        accounts.create("test", "ubnd.qn2", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "commune-pass-2", false);
        browser.login("ubnd.qn2", "commune-pass-2");
        Path csv = Files.createTempFile("so-lieu-", ".csv");
        Files.writeString(csv, "ma_don_vi,ten,ngay,dan_so,so_ho,thue_bao,smartphone,nguon\n"
                + "19873,Xã Quảng Ngạn,31/11/2025,5000,,,,UBND xã\n", StandardCharsets.UTF_8);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/statistics/19873/denominators");
            browser.find("input[type=file][name=file]").sendKeys(csv.toAbsolutePath().toString());
            browser.find("form[enctype] button[type=submit]").click();
            assertThat(browser.find("#problems").getText()).contains("31/11/2025");
            browser.shot("5-import-impossible-day");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM denominator WHERE unit_code = '19873' AND as_of = ?")
                .param(LocalDate.of(2025, 11, 30)).query(Long.class).single()).isZero();
        Files.delete(csv);
    }

    @Test
    void aHealthStationSeesOnlyWhatItMayUseInOneAccount() throws Exception {
        accounts.create("test", "tyt.qn", "Trạm y tế xã Quảng Ngạn", Role.HEALTH_STATION, "19873",
                "station-pass-1", false);
        browser.login("tyt.qn", "station-pass-1");
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console");
            browser.shot("7-station-home");
            Set<String> pages = new LinkedHashSet<>(links());
            for (String start : List.of("/console/campaign", "/console/campaign/cohorts", "/console/codes",
                    "/console/statistics/19873")) {
                browser.get(start);
                pages.addAll(links());
            }
            assertThat(pages).contains("/console/codes", "/console/campaign/cohorts");
            assertThat(pages.stream().anyMatch(p -> p.startsWith("/console/statistics"))).isTrue();
            assertThat(pages).noneMatch(p -> p.contains("cohort-export"));
            for (String p : pages) {
                HttpResponse<byte[]> answer = browser.download(p);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                assertThat(answer.statusCode()).as(p).isIn(200, 302);
                if (answer.statusCode() == 200) {
                    assertThat(type).as(p).doesNotContain("json");
                }
            }
            browser.get("/console/statistics/19873");
            assertThat(browser.has("form[action$='/villages']")).isFalse();
            browser.shot("7-station-statistics");
            browser.get("/console/codes");
            assertThat(browser.has("#issue-form")).isTrue();
        }
        // A page outside the role: an HTML page in the reader's language, not JSON.
        browser.get("/console/accounts");
        assertThat(browser.find("#error-reason").getText()).contains("không có quyền");
        browser.shot("7-station-403");
        browser.get("/console/accounts?lang=en");
        assertThat(browser.find("#error-reason").getText()).contains("not allowed");
        HttpResponse<byte[]> export = browser.download("/console/campaign/visits");
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(new String(export.body(), StandardCharsets.UTF_8)).doesNotContain("\"error\"");
        browser.get("/console?lang=vi");
    }

    /** Same-site links on the page, as paths (language switches and logout left out). */
    private List<String> links() {
        List<String> out = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector("a[href]"))) {
            String href = a.getAttribute("href");
            if (href == null || !href.startsWith("http://localhost:" + port + "/") || href.contains("lang=")) {
                continue;
            }
            out.add(href.substring(("http://localhost:" + port).length()));
        }
        return out;
    }
}
