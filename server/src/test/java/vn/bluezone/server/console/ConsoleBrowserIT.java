package vn.bluezone.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bluezone.server.support.HeadlessChromium;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.statistics.Ranking;
import vn.bluezone.server.statistics.UnitFigures;
import vn.bluezone.server.statistics.UnitStatistics;

/**
 * The console in real Chromium (Debian's chromium + chromium-driver) against the server with its demo data: log in
 * as the province official of Thừa Thiên Huế, drill down province → district → commune (whose villages are listed),
 * switch to English, export the ranking as XLSX. Screenshots go to target/screenshots/. Skipped, with the reason
 * printed, when Chromium or its driver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluezone.db.url=jdbc:h2:mem:browsertest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "bluezone.demo.enabled=true"})
class ConsoleBrowserIT {
    static final Path SHOTS = Path.of("target/screenshots");
    static final Path DOWNLOADS = Path.of("target/browser-downloads").toAbsolutePath();

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    UnitStatistics statistics;
    @Autowired
    RegistryClock clock;

    HeadlessChromium chromium;
    WebDriver driver;

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.assumeInstalled("ConsoleBrowserIT");
    }

    WebDriver start() throws Exception {
        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toString());
        prefs.put("download.prompt_for_download", false);
        chromium = HeadlessChromium.start(prefs, "--window-size=1280,1000");
        return chromium.driver();
    }

    /** A screenshot of the whole page: the window is stretched to the page's height for the shot. */
    void shot(String name) throws Exception {
        Dimension size = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(6000, height.intValue() + 140)));
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(size);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void demoDataIsConsistent() {
        LocalDate today = clock.today();
        for (String code : List.of("VN", "46", "477", "19873")) {
            Ranking r = statistics.ranking(code, today);
            long children = r.children().stream().mapToLong(UnitFigures::installs).sum();
            long rest = r.unassigned() == null ? 0 : r.unassigned().installs();
            assertEquals(r.parent().installs(), children + rest, code);
            if (!code.equals("19873")) {
                assertNull(r.unassigned(), code);
            }
            // never more users active in 7 days than installs, nor active today than in 7 days (villages too)
            for (UnitFigures f : r.children()) {
                assertTrue(f.active7d() <= f.installs() && f.active1d() <= f.active7d()
                        && f.bluetoothOn() <= f.active1d(), f.unit().code() + ": " + f);
            }
        }
        assertTrue(statistics.figures("46", today).installs() > 10_000);
        // some communes lag under the floor, so the ranking has something to highlight
        assertTrue(statistics.ranking("477", today).children().stream().anyMatch(UnitFigures::underFloor)
                || statistics.ranking("46", today).children().stream().anyMatch(UnitFigures::underFloor));
    }

    @Test
    void logInDrillDownSwitchLanguageAndExport() throws Exception {
        if (accounts.find("tinh.hue").isEmpty()) {
            accounts.create("test", "tinh.hue", "Sở Y tế Thừa Thiên Huế", Role.PROVINCE, "46", "browser-test-password", false);
        }
        driver = start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(url("/login"));
            driver.findElement(By.name("username")).sendKeys("tinh.hue");
            driver.findElement(By.name("password")).sendKeys("browser-test-password");
            shot("0-login.png");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu-statistics"))).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-table")));
            assertTrue(driver.getCurrentUrl().endsWith("/console/statistics/46"), driver.getCurrentUrl());
            assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Tỉnh Thừa Thiên Huế"));
            assertTrue(driver.findElement(By.id("demo-banner")).getText().contains("mô phỏng"));
            assertTrue(driver.findElement(By.tagName("body")).getText().contains("Xếp hạng các đơn vị trực thuộc"));
            waitForCharts();
            shot("1-province.png");

            driver.findElement(By.linkText("Huyện Quảng Điền")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Huyện Quảng Điền"));
            waitForCharts();
            shot("2-district.png");

            driver.findElement(By.linkText("Xã Quảng Ngạn")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Xã Quảng Ngạn"));
            String table = driver.findElement(By.id("ranking-table")).getText();
            assertTrue(table.contains("Thôn 1") && table.contains("Tổ dân phố 6"), table);
            assertTrue(table.contains("Chưa chọn thôn"), table);
            List<String> crumbs = driver.findElements(By.cssSelector("#breadcrumb a")).stream()
                    .map(e -> e.getText()).toList();
            assertEquals(List.of("Tỉnh Thừa Thiên Huế", "Huyện Quảng Điền", "Xã Quảng Ngạn"), crumbs);
            waitForCharts();
            shot("3-commune.png");

            // sortable: clicking the installs header twice puts the largest first
            driver.findElement(By.xpath("//table[@id='ranking-table']/thead//th[3]")).click();
            driver.findElement(By.xpath("//table[@id='ranking-table']/thead//th[3]")).click();
            List<Long> installs = driver.findElements(By.xpath("//table[@id='ranking-table']/tbody/tr[not(contains(@class,'pinned'))]/td[3]"))
                    .stream().map(e -> Long.parseLong(e.getAttribute("data-value"))).toList();
            assertEquals(installs.stream().sorted(java.util.Comparator.reverseOrder()).toList(), installs);

            driver.findElement(By.id("lang-en")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Ranking of the units below"));
            assertTrue(driver.findElement(By.id("ranking-table")).getText().contains("No village chosen"));
            waitForCharts();
            shot("4-commune-en.png");

            try (Stream<Path> old = Files.list(DOWNLOADS)) {
                old.forEach(p -> p.toFile().delete());
            }
            driver.findElement(By.id("export-xlsx")).click();
            Path xlsx = waitForDownload();
            try (XSSFWorkbook wb = new XSSFWorkbook(new FileInputStream(xlsx.toFile()))) {
                Sheet sheet = wb.getSheetAt(0);
                // The demo's figures are marked as such in the file itself (issue 13).
                String title = sheet.getRow(0).getCell(0).getStringCellValue();
                assertTrue(title.startsWith("DEMO") && title.contains("Xã Quảng Ngạn"), title);
                assertEquals("Rank", sheet.getRow(1).getCell(0).getStringCellValue());
                assertTrue(sheet.getRow(2).getCell(2).getStringCellValue().contains("Thôn")
                        || sheet.getRow(2).getCell(2).getStringCellValue().contains("Tổ dân phố"));
                String lastName = sheet.getRow(sheet.getLastRowNum()).getCell(2).getStringCellValue();
                assertEquals("Xã Quảng Ngạn", lastName);
            }

            // back up to the province, in English, on a phone-sized screen
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.findElement(By.linkText("Tỉnh Thừa Thiên Huế")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tỉnh Thừa Thiên Huế"));
            waitForCharts();
            shot("5-province-phone.png");
            // outside the official's area: refused
            driver.get(url("/console/statistics/45"));
            assertTrue(driver.getPageSource().contains("403") || driver.getTitle().contains("403"),
                    driver.getPageSource());
        } finally {
            chromium.close();
        }
    }

    private void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('trend-chart'));")));
    }

    private Path waitForDownload() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                var done = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no XLSX downloaded into " + DOWNLOADS);
    }

    @SuppressWarnings("unused")
    private static String code(AdministrativeUnit u) {
        return u.code();
    }
}
