package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.HeadlessChromium;

/**
 * Issue 13 in Chromium, at 390×844 and desktop size: an administrator creates a commune account by picking the
 * province, district and commune by name (the script fills each level), and a province official issues a directive
 * for a commune picked the same way. No code is typed anywhere; the page never pans sideways. Screenshots:
 * target/screenshots/field/area-*-{phone,desktop}.png. Skipped without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class AreaPickerBrowserIT {
    private static final String PW = "area-browser-pw-1";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        vn.bluezone.server.support.TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired DirectiveService directives;
    private ConsoleBrowser browser;

    @BeforeEach
    void open() throws Exception {
        HeadlessChromium.assumeInstalled("AreaPickerBrowserIT");
        browser = ConsoleBrowser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Chooses {@code name} in the select, once the script has filled and enabled it. */
    private void pick(String select, String name) {
        browser.await().until(d -> {
            WebElement s = d.findElement(By.name(select));
            return s.isEnabled() && s.findElements(By.xpath("option[normalize-space()='" + name + "']")).size() == 1;
        });
        WebElement s = browser.find("select[name=" + select + "]");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", s);
        new Select(s).selectByVisibleText(name);
    }

    private void fitsTheWindow(String where) {
        assertThat(browser.scrollWidth()).as(where + " wider than the window").isLessThanOrEqualTo(browser.windowWidth());
    }

    @Test
    void anAdministratorCreatesACommuneAccountByPickingTheArea() throws Exception {
        accounts.create("test", "quan.tri", "Trần Thị Quản Trị", Role.ADMIN, null, PW, false);
        browser.login("quan.tri", PW);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            String user = size.equals(ConsoleBrowser.PHONE) ? "xa.qn.dt" : "xa.qn.mt";
            browser.get("/console/accounts");
            assertThat(browser.has("input[name=areaCode]")).isFalse();
            assertThat(browser.find(".area-next").isDisplayed()).as("the no-script button is hidden").isFalse();
            browser.find("#account-form input[name=username]").sendKeys(user);
            browser.find("#account-form input[name=displayName]").sendKeys("UBND xã Quảng Ngạn");
            new Select(browser.find("#account-form select[name=role]")).selectByValue("COMMUNE");
            pick("areaProvince", "Tỉnh Thừa Thiên Huế");
            pick("areaDistrict", "Huyện Quảng Điền");
            pick("areaCommune", "Xã Quảng Ngạn");
            assertThat(browser.find("#area-chosen").getText())
                    .isEqualTo("Xã Quảng Ngạn, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế");
            fitsTheWindow("accounts form");
            browser.shot("area-1-account-picked");
            // Changing the province empties the levels below it.
            pick("areaProvince", "Thành phố Hà Nội");
            browser.await().until(d -> new Select(d.findElement(By.name("areaCommune"))).getOptions().size() == 1);
            assertThat(browser.find("#area-chosen").getText()).isEqualTo("Thành phố Hà Nội");
            pick("areaProvince", "Tỉnh Thừa Thiên Huế");
            pick("areaDistrict", "Huyện Quảng Điền");
            pick("areaCommune", "Xã Quảng Ngạn");
            browser.find("#account-form button[type=submit]:not(.area-next)").click();
            browser.find("#one-time-password");
            assertThat(browser.text()).contains("Xã Quảng Ngạn", "Huyện Quảng Điền, Tỉnh Thừa Thiên Huế")
                    .doesNotContain("19873");
            fitsTheWindow("created");
            browser.shot("area-2-account-created");
            assertThat(accounts.find(user).orElseThrow().areaCode()).isEqualTo("19873");
        }
        // A district chosen for a commune role: refused next to the area field, the choice kept.
        browser.get("/console/accounts");
        browser.find("#account-form input[name=username]").sendKeys("xa.sai");
        new Select(browser.find("#account-form select[name=role]")).selectByValue("COMMUNE");
        pick("areaProvince", "Tỉnh Thừa Thiên Huế");
        pick("areaDistrict", "Huyện Quảng Điền");
        browser.find("#account-form button[type=submit]:not(.area-next)").click();
        assertThat(browser.find("#error-area").getText()).contains("Cấp xã", "một xã, phường hoặc thị trấn");
        assertThat(new Select(browser.find("select[name=areaDistrict]")).getFirstSelectedOption().getText())
                .isEqualTo("Huyện Quảng Điền");
        assertThat(browser.find("#account-form input[name=username]").getAttribute("value")).isEqualTo("xa.sai");
        browser.shot("area-3-account-refused");
        assertThat(accounts.find("xa.sai")).isEmpty();

        // A refused query names its field in words on the error page, which fits a phone.
        browser.size(ConsoleBrowser.PHONE);
        browser.get("/console/statistics/19873?day=31/11/2026");
        assertThat(browser.find("#error-fields").getText())
                .isEqualTo("«Ngày»: không phải một ngày có thật (dd/mm/yyyy).");
        fitsTheWindow("error page");
        browser.shot("area-6-error-names-field");
    }

    @Test
    void withoutJavaScriptTheNextButtonFillsEachLevel() throws Exception {
        browser.close();
        browser = ConsoleBrowser.open(port, java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        accounts.create("test", "quan.tri2", "Quản trị", Role.ADMIN, null, PW, false);
        browser.login("quan.tri2", PW);
        browser.get("/console/accounts");
        assertThat(browser.find("select[name=areaDistrict]").isEnabled()).isFalse();
        browser.find("#account-form input[name=username]").sendKeys("xa.khong.js");
        new Select(browser.find("#account-form select[name=role]")).selectByValue("VOLUNTEER");
        new Select(browser.find("select[name=areaProvince]")).selectByVisibleText("Tỉnh Thừa Thiên Huế");
        browser.find("#area-picker .area-next").click();
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.name("areaDistrict")).isEnabled()); // the page is reloading
        new Select(browser.find("select[name=areaDistrict]")).selectByVisibleText("Huyện Quảng Điền");
        browser.find("#area-picker .area-next").click();
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.name("areaCommune")).isEnabled());
        new Select(browser.find("select[name=areaCommune]")).selectByVisibleText("Xã Quảng Ngạn");
        assertThat(browser.find("#account-form input[name=username]").getAttribute("value")).isEqualTo("xa.khong.js");
        browser.shot("area-7-no-script");
        browser.find("#account-form button[type=submit]:not(.area-next)").click();
        browser.find("#one-time-password");
        assertThat(accounts.find("xa.khong.js").orElseThrow().areaCode()).isEqualTo("19873");
    }

    @Test
    void aProvinceOfficialIssuesADirectiveByPickingTheTarget() throws Exception {
        accounts.create("test", "tinh.tth", "UBND tỉnh Thừa Thiên Huế", Role.PROVINCE, "46", PW, false);
        browser.login("tinh.tth", PW);
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            String number = size.equals(ConsoleBrowser.PHONE) ? "41/KH-UBND" : "42/KH-UBND";
            browser.get("/console/campaign/directives");
            // The province is the official's own: shown, not chosen.
            assertThat(browser.has("select[name=unitProvince]")).isFalse();
            assertThat(browser.find("#unit-picker").getText()).contains("Tỉnh Thừa Thiên Huế");
            pick("unitDistrict", "Huyện Quảng Điền");
            pick("unitCommune", "Xã Quảng Ngạn");
            assertThat(browser.find("#unit-chosen").getText())
                    .isEqualTo("Xã Quảng Ngạn, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế");
            browser.find("#d-number").sendKeys(number);
            browser.find("#d-issuedOn").sendKeys(Formats.format(today));
            browser.find("#d-issuingBody").sendKeys("UBND tỉnh Thừa Thiên Huế");
            browser.find("#d-subject").sendKeys("Cài đặt Bluezone ở Quảng Ngạn");
            browser.find("#t-title-0").sendKeys("Đến từng hộ hướng dẫn cài đặt");
            browser.find("#t-deadline-0").sendKeys(Formats.format(today.plusDays(7)));
            fitsTheWindow("directive form");
            browser.script("document.getElementById('unit-picker').scrollIntoView()");
            browser.shot("area-4-directive-picked");
            browser.script("document.getElementById('d-save').scrollIntoView({block: 'center'})");
            browser.find("#d-save").click();
            browser.find("#tasks");
            assertThat(browser.find("#flash-info").getText()).contains(number);
            fitsTheWindow("directive");
            browser.shot("area-5-directive-issued");
            assertThat(directives.directivesWithin("19873")).extracting(Directive::number).contains(number);
        }
    }
}
