package vn.bluezone.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An official's browser for the field tests of issue 13: Chromium at a phone (390×844) or desktop (1280×900) size,
 * logged in through the real form, with screenshots under {@code target/screenshots/field/} and the session's
 * cookie for downloads the browser itself would only display (PDFs).
 */
public final class ConsoleBrowser implements AutoCloseable {
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Path SHOTS = Path.of("target", "screenshots", "field");

    private final HeadlessChromium chromium;
    private final String base;
    private final WebDriverWait wait;
    private String sizeName = "phone";

    private ConsoleBrowser(HeadlessChromium chromium, String base) {
        this.chromium = chromium;
        this.base = base;
        this.wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(20));
    }

    /** A browser at phone size; call {@link HeadlessChromium#assumeInstalled} first. */
    public static ConsoleBrowser open(int port) throws IOException {
        return open(port, Map.of());
    }

    /** With Chrome preferences, e.g. JavaScript off ({@code profile.managed_default_content_settings.javascript=2}). */
    public static ConsoleBrowser open(int port, Map<String, Object> prefs) throws IOException {
        ConsoleBrowser b = new ConsoleBrowser(HeadlessChromium.start(prefs), "http://localhost:" + port);
        b.size(PHONE);
        Files.createDirectories(SHOTS);
        return b;
    }

    public ChromeDriver driver() {
        return chromium.driver();
    }

    public WebDriverWait await() {
        return wait;
    }

    public ConsoleBrowser size(Dimension d) {
        driver().manage().window().setSize(d);
        sizeName = d.equals(PHONE) ? "phone" : "desktop";
        return this;
    }

    public void get(String path) {
        driver().get(base + path);
    }

    public void login(String username, String password) {
        get("/login");
        wait.until(d -> d.findElements(By.name("username")).size() == 1);
        driver().findElement(By.name("username")).sendKeys(username);
        driver().findElement(By.name("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public WebElement find(String css) {
        wait.until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        return driver().findElement(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver().findElements(By.cssSelector(css)).isEmpty();
    }

    public String text() {
        return driver().findElement(By.tagName("body")).getText();
    }

    /** The page's full width in CSS pixels: more than the window means the reader pans sideways. */
    public long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.scrollWidth");
    }

    public long windowWidth() {
        return (Long) ((JavascriptExecutor) driver()).executeScript("return window.innerWidth");
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(js, args);
    }

    /** Saves {@code target/screenshots/field/<name>-<phone|desktop>.png}. */
    public Path shot(String name) throws IOException {
        Path file = SHOTS.resolve(name + "-" + sizeName + ".png");
        Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** GET with this browser's session and a browser's Accept header: status and body. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String cookie = driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + cookie)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
