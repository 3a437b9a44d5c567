package vn.bluezone.server.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the console's browser tests, in place of the set-up each repeated: an H2 database of the class's own
 * ({@link H2PerTestClass}), and before every test a fresh {@link ConsoleBrowser} (headless Chromium) on the server's
 * random port, closed after it; the test is skipped with a printed reason when Chromium or chromedriver is missing.
 * Subclasses declare {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = ...)} themselves; their own
 * {@code @BeforeEach} methods run after the browser is open.
 */
@H2PerTestClass
public abstract class ConsoleBrowserTestSupport {
    @LocalServerPort protected int port;
    protected ConsoleBrowser browser;

    @BeforeEach
    protected void openBrowser() throws Exception {
        HeadlessChromium.assumeInstalled(getClass().getSimpleName());
        browser = ConsoleBrowser.open(port);
    }

    @AfterEach
    protected void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }
}
