package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.HeadlessChromium;
import vn.bluezone.server.support.TestDatabase;

/**
 * The accounts and API-key pages in real Chromium: an administrator creates an account from the menu, reads its
 * one-time password, disables it, then issues and revokes one of their own API keys. The forms' CSRF tokens are the
 * ones the pages carry. Screenshots in target/screenshots/accounts-*.png. Skipped when Chromium is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class AccountsBrowserIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PW = "browser-admin-pw";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        HeadlessChromium.assumeInstalled("AccountsBrowserIT");
        chromium = HeadlessChromium.start(java.util.Map.of());
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve("accounts-" + name + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void administratorCreatesAndDisablesAnAccountThenManagesApiKeys() throws Exception {
        accounts.create("test", "quantri", "Trần Thị Quản Trị", Role.ADMIN, null, PW, false);
        accounts.create("test", "xa.qn", "UBND xã Quảng Ngạn", Role.COMMUNE, "19873", PW, false);
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys("quantri");
        browser.findElement(By.name("password")).sendKeys(PW);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu-accounts"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-form")));
        assertThat(browser.findElement(By.id("account-xa.qn")).getText()).contains("Xã Quảng Ngạn", "Cấp xã");

        browser.findElement(By.name("username")).sendKeys("huyen.qd");
        browser.findElement(By.name("displayName")).sendKeys("UBND huyện Quảng Điền");
        new Select(browser.findElement(By.name("role"))).selectByValue("DISTRICT");
        // The area by name, province then district (the script fills each level from the one above).
        new Select(browser.findElement(By.name("areaProvince"))).selectByVisibleText("Tỉnh Thừa Thiên Huế");
        wait.until(d -> !d.findElement(By.name("areaDistrict")).findElements(By.tagName("option")).isEmpty()
                && d.findElement(By.name("areaDistrict")).isEnabled());
        new Select(browser.findElement(By.name("areaDistrict"))).selectByVisibleText("Huyện Quảng Điền");
        shot("1-form");
        browser.findElement(By.cssSelector("#account-form > button[type=submit]")).click();
        String password = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-password"))).getText();
        assertThat(password).hasSize(20);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Huyện Quảng Điền",
                "Tỉnh Thừa Thiên Huế");
        shot("2-created");

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-huyen.qd")));
        browser.findElement(By.cssSelector("#account-huyen\\.qd form[action$='/disable'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-info")));
        assertThat(browser.findElement(By.id("account-huyen.qd")).getText()).contains("Đã tạm khoá");
        assertThat(accounts.findWithStatus(accounts.find("huyen.qd").orElseThrow().id()).orElseThrow().enabled()).isFalse();
        browser.findElement(By.name("q")).sendKeys("quang dien");
        browser.findElement(By.cssSelector("#account-search button")).click();
        wait.until(ExpectedConditions.urlContains("q=quang"));
        // The district, and the commune inside it; not the administrator.
        assertThat(browser.findElements(By.cssSelector("#accounts tr[id^='account-']")))
                .extracting(e -> e.getAttribute("id")).containsExactlyInAnyOrder("account-huyen.qd", "account-xa.qn");
        shot("3-disabled-search");

        // API keys are a developer tool: folded on the home page, not in the page header.
        assertThat(browser.findElements(By.cssSelector("header a[href$='/console/api-keys']"))).isEmpty();
        browser.findElement(By.cssSelector("header a.brand")).click();
        browser.findElement(By.cssSelector("#developer-tools summary")).click();
        browser.findElement(By.id("menu-api-keys")).click();
        browser.findElement(By.name("label")).sendKeys("Báo cáo hằng ngày");
        browser.findElement(By.cssSelector("#api-key-form button[type=submit]")).click();
        String key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issued-key"))).getText();
        assertThat(key).startsWith("bz_");
        shot("4-api-key");
        browser.findElement(By.cssSelector("#api-keys form[action$='/revoke'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-info")));
        assertThat(browser.findElement(By.id("api-keys")).getText()).contains("Đã thu hồi");
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "API keys"));
        shot("5-api-keys-en");
    }
}
