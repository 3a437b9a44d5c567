package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.household.Progress;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.HeadlessChromium;
import vn.bluezone.server.support.TestDatabase;

/**
 * A youth-union volunteer on a phone-sized Chromium window logs in, opens the door-to-door page, picks a village,
 * records a visit, and sees the household marked visited. Screenshots go to target/browser/campaign-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class VolunteerVisitBrowserIT {
    private static final Path SHOTS = Path.of("target", "browser");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired HouseholdService households;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        HeadlessChromium.assumeInstalled("VolunteerVisitBrowserIT");
        chromium = HeadlessChromium.start(Map.of());
        browser = chromium.driver();
        // A common phone viewport (CSS pixels).
        browser.manage().window().setSize(new Dimension(390, 844));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve("campaign-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                OutputType.BYTES));
    }

    @Test
    void volunteerRecordsAVisitOnAPhone() throws Exception {
        String haLac = villages.create("19873", "thon", "Hà Lạc", "test").code();
        villages.create("19873", "thon", "An Lộc", "test");
        households.add("19873", haLac, "Nguyễn Văn An", "Xóm 1, thôn Hà Lạc", 4, 3, "test");
        households.add("19873", haLac, "Lê Thị Bé", "Xóm 2, thôn Hà Lạc", 3, 1, "test");
        accounts.create("test", "tnv.halac", "Đoàn viên Hoàng Minh", Role.VOLUNTEER, "19873", "volunteer-pass-1",
                false);
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/console");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.name("username")).sendKeys("tnv.halac");
        browser.findElement(By.name("password")).sendKeys("volunteer-pass-1");
        shot("1-login");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("campaign-link")).size() == 1);
        browser.findElement(By.id("campaign-link")).click();
        wait.until(d -> d.findElements(By.id("go-visits")).size() == 1);
        browser.findElement(By.id("go-visits")).click();

        wait.until(d -> d.findElements(By.id("village")).size() == 1);
        new Select(browser.findElement(By.id("village"))).selectByVisibleText("Thôn Hà Lạc");
        browser.findElement(By.id("show-village")).click();
        wait.until(d -> d.findElements(By.cssSelector("#households tbody tr")).size() == 2);
        shot("2-households");
        WebElement an = browser.findElements(By.cssSelector("#households tbody tr")).stream()
                .filter(r -> r.getText().contains("Nguyễn Văn An")).findFirst().orElseThrow();
        an.findElement(By.cssSelector("a.visit-link")).click();

        wait.until(d -> d.findElements(By.id("visit-form")).size() == 1);
        // The form fits the phone's width: no sideways scrolling needed to reach Save.
        long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(400);
        set("smartphonesPresent", "3");
        set("alreadyInstalled", "1");
        set("installedNow", "1");
        set("refused", "1");
        set("refusalReason", "Máy cũ, không hỗ trợ Bluetooth năng lượng thấp");
        set("branch", "Chi đoàn thôn Hà Lạc");
        shot("3-visit-form");
        browser.findElement(By.id("save")).click();

        wait.until(d -> d.findElements(By.id("flash-info")).size() == 1);
        shot("4-recorded");
        assertThat(browser.findElement(By.id("flash-info")).getText()).contains("Đã ghi nhận lần thăm hộ Nguyễn Văn An");
        WebElement row = browser.findElements(By.cssSelector("#households tbody tr")).stream()
                .filter(r -> r.getText().contains("Nguyễn Văn An")).findFirst().orElseThrow();
        assertThat(row.getAttribute("class")).contains("done");
        assertThat(row.getText()).contains("Thăm lại");

        List<Progress> progress = households.byVillage("19873");
        Progress ha = progress.stream().filter(p -> p.key().equals(haLac)).findFirst().orElseThrow();
        assertThat(List.of(ha.households(), ha.visited(), ha.installedNow(), ha.refused()))
                .containsExactly(2L, 1L, 1L, 1L);
        assertThat(households.byVolunteer("19873").get(0).key()).isEqualTo("tnv.halac");

        // A bad visit comes back filled, with the message next to the phones present, not an error page.
        row.findElement(By.cssSelector("a.visit-link")).click();
        wait.until(d -> d.findElements(By.id("visit-form")).size() == 1);
        set("smartphonesPresent", "1");
        set("installedNow", "2");
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.findElements(By.id("error-smartphonesPresent")).size() == 1);
        assertThat(browser.findElement(By.id("error-smartphonesPresent")).getText())
                .contains("nhiều hơn số điện thoại thông minh có mặt");
        assertThat(browser.findElement(By.id("installedNow")).getAttribute("value")).isEqualTo("2");
        assertThat(browser.findElement(By.id("flash-error")).getText()).contains("Chưa lưu");
        shot("5-error");
    }

    /**
     * A commune official records a directive with two tasks, writes a radio template with a mistake and sees the
     * message, pastes a CSV with a bad row and sees it listed by row number, then switches the page to English.
     */
    @Test
    void officialUsesTheNewFormsInBothLanguages() throws Exception {
        villages.create("19873", "thon", "Phước Lý", "test");
        accounts.create("test", "xa.forms", "UBND xã Quảng Ngạn", Role.COMMUNE, "19873", "official-pass-12", false);
        browser.manage().window().setSize(new Dimension(1024, 1400));
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/console/campaign/directives");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.name("username")).sendKeys("xa.forms");
        browser.findElement(By.name("password")).sendKeys("official-pass-12");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("directive-form")).size() == 1);

        java.time.LocalDate today = java.time.LocalDate.now(vn.bluezone.server.TimeZoneProperties.vietnam().timeZone());
        set("d-number", "21/KH-UBND");
        date("d-issuedOn", today.minusDays(2));
        set("d-issuingBody", "UBND xã Quảng Ngạn");
        set("d-subject", "Cài đặt Bluezone cho người đến từ nơi khác");
        new Select(browser.findElement(By.id("t-body-0"))).selectByValue("YOUTH_UNION");
        set("t-assignee-0", "Chi đoàn thôn Phước Lý");
        set("t-title-0", "Đến từng hộ có người từ nơi khác đến");
        date("t-deadline-0", today.plusDays(4));
        new Select(browser.findElement(By.id("t-body-1"))).selectByValue("POLICE");
        set("t-title-1", "Đối chiếu danh sách tạm trú");
        date("t-deadline-1", today.plusDays(2));
        shot("6-directive-form");
        browser.findElement(By.id("d-save")).click();
        wait.until(d -> d.findElements(By.id("tasks")).size() == 1);
        assertThat(browser.findElement(By.id("flash-info")).getText()).contains("Đã ghi nhận văn bản 21/KH-UBND");
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(2);
        shot("7-directive");

        browser.get(base + "/console/campaign/radio");
        wait.until(d -> d.findElements(By.id("template-form")).size() == 1);
        set("template-title", "Nhắc cài đặt");
        set("template-body", "{don_vi} đã có {so_nguoi} người cài đặt.");
        browser.findElement(By.cssSelector("#template-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("error-body")).size() == 1); // next to the script's field
        assertThat(browser.findElement(By.id("error-body")).getText()).contains("số liệu tự điền không tồn tại");
        assertThat(browser.findElement(By.id("template-title")).getAttribute("value")).isEqualTo("Nhắc cài đặt");
        shot("8-radio-template-error");

        browser.get(base + "/console/campaign/visits");
        wait.until(d -> d.findElements(By.id("import-form")).size() == 1);
        set("import-csv", "thon,chu_ho,dia_chi,nhan_khau,dien_thoai_thong_minh\nPhước Lý,Võ Văn Tư,Xóm 1,4,2\n"
                + "Phước Lý,Đặng Thị Năm,Xóm 2,0,1\n");
        browser.findElement(By.id("import-save")).click();
        wait.until(d -> d.findElements(By.id("problems")).size() == 1);
        assertThat(browser.findElement(By.id("problems")).getText()).contains("Dòng 3: nhân khẩu “0”");
        shot("9-import-error");
        set("import-csv", "thon,chu_ho,dia_chi,nhan_khau,dien_thoai_thong_minh\nPhước Lý,Võ Văn Tư,Xóm 1,4,2\n"
                + "Phước Lý,Đặng Thị Năm,Xóm 2,3,1\n");
        browser.findElement(By.id("import-save")).click();
        wait.until(d -> d.findElements(By.id("flash-info")).size() == 1);
        assertThat(browser.findElement(By.id("flash-info")).getText()).isEqualTo("Đã nhập 2 hộ.");

        browser.findElement(By.id("lang-en")).click();
        wait.until(d -> d.findElements(By.id("household-form")).size() == 1
                && d.findElement(By.tagName("h1")).getText().startsWith("Door to door"));
        assertThat(browser.findElement(By.id("household-form")).getText()).contains("Head of household", "Members");
        shot("10-visits-english");
        browser.findElement(By.id("lang-vi")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Đến từng nhà"));
    }

    /** Types a date into an input of type date the way the browser's locale expects, through its value. */
    private void date(String id, java.time.LocalDate day) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, day.toString());
    }

    private void set(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }
}
