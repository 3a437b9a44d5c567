package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Issue 13, problem 4 in Chromium at phone and desktop size, for the forms that used to redirect and lose what was
 * typed: a refused place, one-stop desk entry and referrer come back with every value and the message next to the
 * field, without sideways panning on a phone. Then a district official opening a commune page gets the commune
 * picker of their district and reaches the page of the commune they choose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class RefusedFormsBrowserIT extends ConsoleBrowserTestSupport {
    static final Dimension[] SIZES = {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP};

    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired JdbcClient jdbc;

    private void type(String css, String value) {
        WebElement e = browser.find(css);
        e.clear();
        e.sendKeys(value);
    }

    private String value(String css) {
        return browser.find(css).getAttribute("value");
    }

    private String selectedText(String css) {
        return new Select(browser.find(css)).getFirstSelectedOption().getText();
    }

    private void submit(String form) {
        String before = browser.driver().getCurrentUrl() + System.nanoTime();
        browser.script("document.querySelector(arguments[0]).setAttribute('data-old', arguments[1])", form, before);
        browser.find(form + " button[type=submit]:not(.area-next)").click();
        // The answer is a new page: wait until the marked form is gone.
        browser.await().until(d -> d.findElements(By.cssSelector(form + "[data-old]")).isEmpty());
    }

    private void noSidewaysPanning() {
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());
    }

    @Test
    void refusedPlaceDeskAndReferrerFormsKeepWhatWasTyped() throws Exception {
        villages.create("19873", "thon", "Hà Lạc", "test");
        accounts.create("test", "ubnd.rf", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "commune-pass-rf", false);
        browser.login("ubnd.rf", "commune-pass-rf");
        for (Dimension size : SIZES) {
            browser.size(size);

            // A place whose name is only spaces: everything else is still there.
            browser.get("/console/campaign/places");
            type("#place-form input[name=name]", "   ");
            new Select(browser.find("#place-form select[name=kind]")).selectByVisibleText("Quán ăn");
            new Select(browser.find("#place-form select[name=villageCode]")).selectByVisibleText("Thôn Hà Lạc");
            type("#place-form input[name=contact]", "Bà Hoa, 0912 345 678");
            submit("#place-form");
            assertThat(browser.find("#error-name").getText()).isEqualTo("Còn thiếu thông tin bắt buộc.");
            assertThat(browser.find("#flash-error").getText()).contains("những gì đã nhập vẫn còn");
            assertThat(selectedText("#place-form select[name=kind]")).isEqualTo("Quán ăn");
            assertThat(selectedText("#place-form select[name=villageCode]")).isEqualTo("Thôn Hà Lạc");
            assertThat(value("#place-form input[name=contact]")).isEqualTo("Bà Hoa, 0912 345 678");
            noSidewaysPanning();
            browser.script("document.getElementById('error-name').scrollIntoView()");
            browser.shot("4-place-refused");

            // A one-stop desk entry with a typo in the count.
            browser.get("/console/campaign/desk");
            type("#desk-form input[name=desk]", "Quầy số 2");
            new Select(browser.find("#desk-form select[name=procedure]")).selectByValue("RESIDENCE");
            type("#desk-form input[name=installs]", "12a");
            String day = value("#desk-form input[name=day]");
            submit("#desk-form");
            assertThat(browser.find("#error-installs").getText()).isEqualTo("Số người là số nguyên từ 1 đến 500.");
            assertThat(value("#desk-form input[name=desk]")).isEqualTo("Quầy số 2");
            assertThat(new Select(browser.find("#desk-form select[name=procedure]")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("RESIDENCE");
            assertThat(value("#desk-form input[name=installs]")).isEqualTo("12a");
            assertThat(value("#desk-form input[name=day]")).isEqualTo(day).matches("\\d{2}/\\d{2}/\\d{4}");
            noSidewaysPanning();
            browser.shot("4-desk-refused");

            // A referrer whose code no phone was given.
            browser.get("/console/campaign/referrals");
            type("#referrer-form input[name=displayName]", "Bà Lê Thị Mai");
            type("#referrer-form input[name=referralCode]", "NOPE 123");
            new Select(browser.find("#referrer-form select[name=villageCode]")).selectByVisibleText("Thôn Hà Lạc");
            type("#referrer-form input[name=organisation]", "Hội Phụ nữ xã");
            browser.find("#referrer-form input[name=hasTarget]").click(); // untick
            submit("#referrer-form");
            assertThat(browser.find("#error-referralCode").getText())
                    .startsWith("Không có máy nào được cấp mã giới thiệu này");
            assertThat(value("#referrer-form input[name=displayName]")).isEqualTo("Bà Lê Thị Mai");
            assertThat(value("#referrer-form input[name=referralCode]")).isEqualTo("NOPE 123");
            assertThat(selectedText("#referrer-form select[name=villageCode]")).isEqualTo("Thôn Hà Lạc");
            assertThat(value("#referrer-form input[name=organisation]")).isEqualTo("Hội Phụ nữ xã");
            assertThat(browser.find("#referrer-form input[name=hasTarget]").isSelected()).isFalse();
            noSidewaysPanning();
            browser.script("document.getElementById('error-referralCode').scrollIntoView()");
            browser.shot("4-referrer-refused");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_place").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_desk_entry").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_referrer").query(Long.class).single()).isZero();
    }

    @Test
    void aDistrictOfficialChoosesACommuneOfTheDistrict() throws Exception {
        accounts.create("test", "huyen.rf", "UBND huyện Quảng Điền", Role.DISTRICT, "477", "district-pass-rf", false);
        browser.login("huyen.rf", "district-pass-rf");
        for (Dimension size : SIZES) {
            browser.size(size);
            browser.get("/console/campaign/places");
            assertThat(browser.find("#choose-title").getText()).contains("chọn xã");
            assertThat(browser.find("#commune-choice").getText()).contains("Huyện Quảng Điền");
            Select communes = new Select(browser.find("#communeCommune"));
            assertThat(communes.getOptions()).extracting(WebElement::getText).contains("Xã Quảng Ngạn")
                    .doesNotContain("Phường Tây Lộc"); // Thành phố Huế: another district
            assertThat(browser.has("#communeDistrict")).isFalse(); // their own district is fixed, not chosen
            noSidewaysPanning();
            browser.shot("2-commune-picker-district");

            // Without a commune: the picker again, saying so next to it.
            submit("#commune-choice");
            assertThat(browser.find("#error-commune").getText()).isEqualTo("Hãy chọn đến cấp xã, phường, thị trấn.");

            new Select(browser.find("#communeCommune")).selectByVisibleText("Xã Quảng Ngạn");
            assertThat(browser.find("#commune-chosen").getText()).startsWith("Xã Quảng Ngạn");
            submit("#commune-choice");
            browser.await().until(d -> d.getCurrentUrl().endsWith("/console/campaign/places?commune=19873"));
            assertThat(browser.find("h1").getText()).contains("Xã Quảng Ngạn");
            assertThat(browser.has("#place-form")).isTrue(); // a district official manages the commune's places
            browser.shot("2-commune-chosen-places");
        }
        // The way back is a link, not an error page; a commune outside the district stays refused.
        browser.get("/console/campaign/desk");
        assertThat(browser.find("#choose-back").getAttribute("href")).endsWith("/console/campaign");
        browser.get("/console/campaign/desk?commune=19750");
        assertThat(browser.find("#error-reason").getText()).isNotBlank();
    }
}
