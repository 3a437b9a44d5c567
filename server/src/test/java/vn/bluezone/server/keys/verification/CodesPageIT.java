package vn.bluezone.server.keys.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.keys.sms.SmsSender;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.HeadlessChromium;
import vn.bluezone.server.support.TestDatabase;

/**
 * Field problem 3 (issue 13): the F0 code page spoke English in its errors, showed expiry as
 * {@code 2026-12-02T04:37:31.874235796Z}, raw enum words and slash labels, had no way to tell codes apart,
 * cancelled without asking and panned sideways on a phone. A health officer now works through the verification
 * server's workflow in Chromium, at phone and desktop size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class CodesPageIT {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] RAW = {"CONFIRMED_TEST", "UNCLAIMED", "CLAIMED", "EXPIRED", "RECURSIVE",
            "CONFIRMED_CLINICAL_DIAGNOSIS", "HEALTH_OFFICER", " / "};

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    /** Captures what would be texted; it "delivers", so the page says the SMS went out. */
    static final List<String[]> SENT = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class CapturingSms {
        @Bean
        @Primary
        SmsSender capturingSmsSender() {
            return new SmsSender() {
                @Override
                public void send(String phone, String text) {
                    SENT.add(new String[] {phone, text});
                }

                @Override
                public boolean delivers() {
                    return true;
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired VerificationService codes;
    private ConsoleBrowser browser;

    @BeforeEach
    void open() throws Exception {
        HeadlessChromium.assumeInstalled("CodesPageIT");
        browser = ConsoleBrowser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private void assertNoRawWords() {
        String text = browser.text();
        for (String raw : RAW) {
            assertThat(text).as("page shows '%s'", raw).doesNotContain(raw);
        }
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(browser.scrollWidth()).as("no sideways panning").isLessThanOrEqualTo(browser.windowWidth());
    }

    private void type(String css, String value) {
        WebElement e = browser.find(css);
        e.clear();
        e.sendKeys(value);
    }

    /** Date inputs take the value through script: typed keys depend on the browser's locale. */
    private void setDate(String name, LocalDate d) {
        browser.script("document.querySelector(\"#issue-form input[name='" + name + "']\").value = arguments[0]",
                d.toString());
    }

    @Test
    void aHealthOfficerIssuesLooksUpAndCancelsCodesInVietnamese() throws Exception {
        var officer = accounts.create("test", "yte.hue", "Cán bộ CDC Thừa Thiên Huế", Role.HEALTH_OFFICER, "46", "health-pass-1",
                false);
        browser.login("yte.hue", "health-pass-1");
        LocalDate today = LocalDate.now(VIETNAM);
        int n = 0;
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            n++;
            browser.size(size);
            browser.get("/console/codes");
            assertNoRawWords();
            browser.shot("3-codes-empty");

            // Refused: a name typed as the case reference, a bad phone number: messages next to the fields,
            // everything else kept.
            type("#issue-form input[name=caseReference]", "Nguyễn Văn A");
            setDate("testDate", today);
            type("#issue-form input[name=phone]", "12345");
            browser.find("#issue-form button[type=submit]").click();
            assertThat(browser.find("#error-phone").getText()).contains("Số điện thoại");
            assertThat(browser.find("#issue-form input[name=caseReference]").getAttribute("value"))
                    .isEqualTo("Nguyễn Văn A");
            assertThat(browser.find("#issue-form input[name=testDate]").getAttribute("value"))
                    .isEqualTo(today.toString());
            browser.shot("3-codes-refused-phone-number");
            type("#issue-form input[name=phone]", "0912 345 678");
            browser.find("#issue-form button[type=submit]").click();
            assertThat(browser.find("#error-caseReference").getText()).contains("không ghi họ tên");
            assertNoRawWords();

            // Issued: expiry in Vietnam time with seconds, a countdown, the short id and case reference.
            type("#issue-form input[name=caseReference]", "F0-2026/015" + n);
            browser.find("#issue-form button[type=submit]").click();
            String expiry = browser.find("#short-expiry").getText();
            assertThat(expiry).matches("\\d{2}:\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
            String shortId = browser.find("#issued-id").getText();
            assertThat(shortId).matches("[0-9A-F]{8}");
            var issued = codes.lookup(officer, shortId);
            assertThat(expiry).isEqualTo(DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(VIETNAM)
                    .format(issued.shortCodeExpiresAt()));
            assertThat(issued.caseReference()).isEqualTo("F0-2026/015" + n);
            String first = browser.find(".countdown").getText();
            Thread.sleep(1500);
            assertThat(browser.find(".countdown").getText()).matches("\\d+:\\d{2}").isNotEqualTo(first);
            assertThat(browser.find("#sms-result").getText()).contains("Đã gửi");
            String longCode = browser.find("#long-code").getText();
            assertThat(SENT.get(SENT.size() - 1)[0]).isEqualTo("+84912345678");
            assertThat(SENT.get(SENT.size() - 1)[1]).contains(longCode);
            assertNoRawWords();
            browser.shot("3-codes-issued");

            // Lookup by the id read out over the phone.
            type("#lookup-form input[name=id]", shortId.toLowerCase());
            browser.find("#lookup-form button[type=submit]").click();
            assertThat(browser.find("#lookup-status").getText()).isEqualTo("Chưa dùng");

            // Cancel asks first; "No" changes nothing; confirming expires it.
            WebElement row = browser.driver().findElements(By.cssSelector("#codes tbody tr")).stream()
                    .filter(r -> r.getText().contains(shortId)).findFirst().orElseThrow();
            assertThat(row.getText()).contains("F0-2026/015" + n).contains("Chưa dùng");
            row.findElement(By.cssSelector("a.expire-link")).click();
            assertThat(browser.find("#expire-question").getText()).contains(shortId).contains("F0-2026/015" + n);
            browser.shot("3-codes-confirm-cancel");
            browser.find("#expire-cancel").click();
            assertThat(codes.lookup(officer, shortId).status()).isEqualTo("UNCLAIMED");
            browser.get("/console/codes/" + issued.id() + "/expire");
            browser.find("#expire-confirm button").click();
            assertThat(browser.find("#flash-info").getText()).contains(shortId);
            assertThat(codes.lookup(officer, shortId).status())
                    .isEqualTo("EXPIRED");
        }

        // Bulk: an impossible day refuses the whole list and names the line; corrected, two codes.
        String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        browser.get("/console/codes");
        WebElement csv = browser.find("#bulk-form textarea[name=csv]");
        csv.sendKeys("ma_ho_so,loai,ngay_khoi_phat,ngay_xet_nghiem\nHS-01,xet_nghiem,," + day
                + "\nHS-02,lam_sang,31/11/2026,\n");
        browser.find("#bulk-form button[type=submit]").click();
        assertThat(browser.find("#bulk-problems").getText()).contains("Dòng 3").contains("31/11/2026");
        int before = codes.recent(officer, 500).size();
        csv = browser.find("#bulk-form textarea[name=csv]");
        assertThat(csv.getAttribute("value")).contains("HS-02");
        csv.clear();
        csv.sendKeys("ma_ho_so,loai,ngay_khoi_phat,ngay_xet_nghiem\nHS-01,xet_nghiem,," + day + "\nHS-02,lam_sang,"
                + day + ",\n");
        browser.find("#bulk-form button[type=submit]").click();
        browser.find("#bulk-issued tbody tr"); // waits for the answer page: the form's page is still shown right after the click
        assertThat(browser.driver().findElements(By.cssSelector("#bulk-issued tbody tr"))).hasSize(2);
        assertThat(codes.recent(officer, 500))
                .hasSize(before + 2);
        browser.shot("3-codes-bulk");

        // Per-day figures: today's line for this officer, 4 issued, 2 cancelled.
        browser.get("/console/codes/statistics");
        String table = browser.find("#code-statistics").getText();
        assertThat(table).contains(day).contains("yte.hue").contains("Thừa Thiên Huế");
        assertNoRawWords();
        browser.shot("3-codes-statistics");
    }
}
