package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.accounts.Totp;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Issue 13's walk, role by role, in Chromium on the demo data with the product's defaults (second factor required
 * for ADMIN and HEALTH_OFFICER): each official starts at the home page and follows every console link shown to them
 * (one page per kind of address, e.g. one directive), at phone and desktop size. Each page is photographed
 * (target/screenshots/field/roles-ROLE-PAGE-SIZE.png), must open as an HTML page in Vietnamese (a link a role
 * cannot use must not be shown), fit the window, offer the language switch, and show no ISO date, enum name or
 * English error. The downloads linked (PDF, CSV, XLSX) must answer 200 with their type, and the CSV and text ones
 * carry no ISO date. Then what citizens and place owners see: the install
 * page a poster's QR opens and the page of an unknown code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=true", "bluezone.public-url=https://bluezone.quangngan.example.vn"})
class EveryRolePageScreenshotsIT extends ConsoleBrowserTestSupport {
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern ENGLISH_ERROR = Pattern.compile("Forbidden|Not Found|Whitelabel|Internal Server");
    private static final Pattern DOWNLOAD = Pattern.compile(".*\\.(pdf|csv|xlsx|txt)(\\?.*)?$");

    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void everyRoleWalksEveryPageItIsShown() throws Exception {
        record Who(String user, Role role, String area, int atLeast) {
        }
        // The culture officer who writes the radio scripts is a commune account, like the chairman.
        List<Who> officials = List.of(new Who("role.tinh", Role.PROVINCE, "46", 6),
                new Who("role.tyt", Role.HEALTH_STATION, "19873", 5), new Who("role.yte", Role.HEALTH_OFFICER, "46", 3),
                new Who("role.tnv", Role.VOLUNTEER, "19873", 4), new Who("role.congan", Role.POLICE, "19873", 3),
                new Who("role.vanhoa", Role.COMMUNE, "19873", 12), new Who("role.quantri", Role.ADMIN, null, 6));
        Set<String> enums = RenderedPagesConventionsTest.enumNames();
        List<String> problems = new ArrayList<>();
        for (Who w : officials) {
            accounts.create("test", w.user(), "Cán bộ " + w.user(), w.role(), w.area(), "a-long-test-password", false);
            browser.driver().manage().deleteAllCookies();
            browser.size(ConsoleBrowser.PHONE);
            browser.login(w.user(), "a-long-test-password");
            passSecondFactor();
            Map<String, String> pages = walk();
            assertThat(pages.size()).as(w.user() + " pages " + pages.keySet()).isGreaterThanOrEqualTo(w.atLeast());
            // Pages reached through a form rather than a link: a search's answer, a code looked up.
            if (pages.keySet().stream().anyMatch(p -> p.startsWith("/console/statistics"))) {
                pages.put("/console/statistics/search?q=quang", "");
            }
            if (pages.containsKey("/console/codes")) {
                pages.put("/console/codes/lookup?id=ZZZZZZZZ", "");
            }
            for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
                browser.size(size);
                for (String page : pages.keySet()) {
                    browser.get(page);
                    browser.find("body");
                    browser.shot("roles-" + w.role().name().toLowerCase() + name(page));
                    String where = w.user() + " " + page + " at " + size.getWidth() + "px: ";
                    String text = browser.text();
                    if (browser.scrollWidth() > browser.windowWidth()) {
                        problems.add(where + "wider than the window (" + browser.scrollWidth() + ")");
                    }
                    if (!browser.has("main")) {
                        problems.add(where + "not a console page");
                    }
                    if (!"vi".equals(browser.script("return document.documentElement.lang"))) {
                        problems.add(where + "not in Vietnamese");
                    }
                    if (!browser.has("#lang-en")) {
                        problems.add(where + "no language switch");
                    }
                    if (browser.has("input[type=date], input[type=time]")) {
                        problems.add(where + "a date or time field the browser draws in its own language");
                    }
                    if (ISO_DATE.matcher(text).find() || ENGLISH_ERROR.matcher(text).find()) {
                        problems.add(where + "ISO date or English error");
                    }
                    for (String e : enums) {
                        if (Pattern.compile("\\b" + e + "\\b").matcher(text).find()) {
                            problems.add(where + "enum name " + e);
                        }
                    }
                }
            }
            for (String d : downloads) {
                HttpResponse<byte[]> answer = browser.download(d);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.statusCode() != 200 || type.contains("html") || type.contains("json")
                        || answer.body().length == 0) {
                    problems.add(w.user() + " download " + d + ": " + answer.statusCode() + " " + type);
                }
                // Spreadsheets and read-aloud sheets carry days as dd/mm/yyyy too (issue 13 §6).
                if ((type.contains("csv") || type.contains("text/plain"))
                        && ISO_DATE.matcher(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).find()) {
                    problems.add(w.user() + " download " + d + ": ISO date");
                }
            }
        }
        // Citizens: the page a poster's QR opens, and a mistyped code (a Vietnamese 404 page, not JSON).
        String place = jdbc.sql("SELECT code FROM campaign_place ORDER BY id").query(String.class).list().get(0);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            for (String page : List.of("/i/" + place, "/i/KHONGCO1")) {
                browser.get(page);
                browser.shot("roles-citizen" + name(page));
                assertThat(browser.scrollWidth()).as(page).isLessThanOrEqualTo(browser.windowWidth());
                assertThat(browser.script("return document.documentElement.lang")).as(page).isEqualTo("vi");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void daysAreTypedDayFirstWhateverTheBrowsersLanguage() throws Exception {
        // Chromium here runs in English (en-US), like many officials' browsers: a native date field would read
        // 02/12 as February. The console's day fields are text, dd/mm/yyyy, read strictly by the server.
        accounts.create("test", "ngay.xa", "Chủ tịch UBND xã", Role.COMMUNE, "19873", "a-long-test-password", false);
        browser.login("ngay.xa", "a-long-test-password");
        java.time.LocalDate yesterday = java.time.LocalDate.now(Formats.VIETNAM).minusDays(1);
        String typed = Formats.format(yesterday);
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/statistics/19873");
            WebElement day = browser.find("input[name=day]");
            assertThat(day.getAttribute("value")).isEqualTo(Formats.format(java.time.LocalDate.now(Formats.VIETNAM)));
            assertThat(day.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
            day.clear();
            day.sendKeys(typed);
            day.submit();
            browser.await().until(d -> d.getCurrentUrl().contains("day="));
            assertThat(browser.find("input[name=day]").getAttribute("value")).isEqualTo(typed);
            assertThat(browser.find("#export-csv").getAttribute("href")).contains("day=" + yesterday); // applied
            browser.shot("dates-typed-day-first");
            // An impossible day is refused in Vietnamese, on an HTML page, not moved to the 30th.
            browser.get("/console/statistics/19873?day=31/11/2026");
            assertThat(browser.find("#error-reason").getText()).isNotBlank();
            assertThat(browser.script("return document.contentType")).isEqualTo("text/html");
            assertThat(browser.text()).doesNotContain("30/11/2026");
            browser.shot("dates-impossible-day");
        }
        String household = String.valueOf(jdbc.sql("SELECT MIN(id) FROM campaign_household").query(Long.class)
                .single());
        browser.get("/console/campaign/visits/" + household);
        assertThat(browser.find("#visit-form input[name=visitedOn]").getAttribute("value"))
                .isEqualTo(Formats.format(java.time.LocalDate.now(Formats.VIETNAM)));
    }

    private final List<String> downloads = new ArrayList<>();

    /** An official whose role requires the second factor sets it up, as at a first login. */
    private void passSecondFactor() {
        if (!browser.driver().getCurrentUrl().endsWith("/console/totp/setup")) {
            return;
        }
        String secret = browser.find("#totp-secret").getText().replace(" ", "");
        browser.find("#totp-setup-form input[name=code]").sendKeys(
                Totp.code(secret, Totp.step(System.currentTimeMillis() / 1000), Totp.DIGITS));
        browser.find("#totp-setup-form button").click();
        browser.await().until(d -> !d.getCurrentUrl().contains("/totp"));
    }

    /**
     * The console pages reachable from home through the links shown, one per kind of address (numbers in a path
     * stand for any), at most 40; the downloads met on the way are kept in {@link #downloads}.
     */
    private Map<String, String> walk() {
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(List.of("/console"));
        downloads.clear();
        Set<String> kinds = new java.util.HashSet<>();
        while (!queue.isEmpty() && pages.size() < 40) {
            String page = queue.remove(0);
            browser.get(page);
            browser.find("body");
            pages.put(page, browser.driver().getCurrentUrl());
            for (WebElement a : browser.driver().findElements(By.cssSelector("a[href]"))) {
                String href = a.getAttribute("href");
                String base = "http://localhost:" + port;
                if (href == null || !href.startsWith(base + "/") || href.contains("lang=") || href.contains("logout")) {
                    continue;
                }
                String path = href.substring(base.length()).replaceAll("#.*", "");
                String kind = path.replaceAll("\\?.*", "").replaceAll("/V?\\d+(?=/|$)", "/N");
                if (!kinds.add(kind)) {
                    continue;
                }
                if (DOWNLOAD.matcher(path).matches()) {
                    downloads.add(path);
                } else if (path.startsWith("/console") && !path.startsWith("/console/totp")) {
                    queue.add(path);
                }
            }
        }
        return pages;
    }

    private static String name(String page) {
        String n = page.replace("/console", "").replaceAll("\\?.*", "").replaceAll("[^A-Za-z0-9]+", "-");
        return n.endsWith("-") ? n.substring(0, n.length() - 1) : n.isEmpty() ? "-home" : n;
    }
}
