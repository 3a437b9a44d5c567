package vn.bluezone.server.campaign.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * A volunteer on a phone loses the connection in a village: three visits recorded offline are kept on the phone
 * with a "waiting to send" count, nothing reaches the server; back online they are sent, each once, even when the
 * phone sends one again (a lost answer). The branch typed once is remembered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class VolunteerOfflineIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired HouseholdService households;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.boot.web.server.context.WebServerApplicationContext server;

    private void network(boolean offline) {
        ChromiumNetworkConditions c = new ChromiumNetworkConditions();
        c.setOffline(offline);
        browser.driver().setNetworkConditions(c);
    }

    /**
     * The server out of reach for the service worker too: Chromium's offline emulation covers the page but not its
     * service worker, whose fetches still reach the server. The connector is taken away (every connection refused)
     * and a new one opened on the same port afterwards (a stopped Tomcat connector cannot bind again).
     */
    private void serverReachable(boolean reachable) throws Exception {
        org.apache.catalina.startup.Tomcat tomcat =
                ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        if (reachable) {
            org.apache.catalina.connector.Connector fresh = new org.apache.catalina.connector.Connector("HTTP/1.1");
            fresh.setPort(port);
            tomcat.getService().addConnector(fresh);
            java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as("server answers again").isEqualTo(200);
        } else {
            org.apache.catalina.connector.Connector old = tomcat.getService().findConnectors()[0];
            tomcat.getService().removeConnector(old);
            old.destroy();
        }
    }

    private long visits() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_visit").query(Long.class).single();
    }

    private String pending() {
        return (String) browser.script("return document.getElementById('pending-count').textContent");
    }

    @Test
    void threeVisitsRecordedOfflineAreSentOnceWhenTheConnectionReturns() throws Exception {
        String haLac = villages.create("19873", "thon", "Hà Lạc", "test").code();
        for (String[] h : List.of(new String[] {"Nguyễn Văn An", "Xóm 1"}, new String[] {"Lê Thị Bé", "Xóm 2"},
                new String[] {"Trần Văn Cường", "Xóm 3"}, new String[] {"Đặng Thị Dung", "Xóm 4"})) {
            households.add("19873", haLac, h[0], h[1], 4, 2, "test");
        }
        accounts.create("test", "tnv.offline", "Đoàn viên", Role.VOLUNTEER, "19873", "volunteer-pass-1", false);
        browser.login("tnv.offline", "volunteer-pass-1");
        browser.get("/console/campaign/visits");
        assertThat(browser.find("#todo-count").getText()).isEqualTo("4 hộ chưa đến");
        // Search ignores diacritics: "dang thi dung" finds Đặng Thị Dung only.
        browser.find("#search").sendKeys("dang thi dung");
        assertThat(browser.driver().findElements(By.cssSelector("#households tbody tr")).stream()
                .filter(WebElement::isDisplayed).map(r -> r.getText())).singleElement().asString()
                .contains("Đặng Thị Dung");
        browser.find("#search").clear();
        browser.script("document.getElementById('search').dispatchEvent(new Event('input'))");

        network(true);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#households tbody tr"));
        for (int i = 0; i < 3; i++) {
            WebElement row = rows.get(i);
            row.findElement(By.cssSelector("details.quick summary")).click();
            WebElement form = row.findElement(By.cssSelector("form.quick-visit"));
            WebElement installed = form.findElement(By.name("installedNow"));
            installed.clear();
            installed.sendKeys("1");
            if (i == 0) {
                form.findElement(By.name("branch")).sendKeys("Chi đoàn Hà Lạc");
            } else {
                assertThat(form.findElement(By.name("branch")).getAttribute("value")).isEqualTo("Chi đoàn Hà Lạc");
            }
            form.findElement(By.cssSelector("button[type=submit]")).click();
            int expected = i + 1;
            browser.await().until(d -> String.valueOf(expected).equals(pending()));
        }
        Thread.sleep(6000); // a retry or two happen meanwhile, and fail
        assertThat(pending()).isEqualTo("3");
        assertThat(browser.find("#pending").isDisplayed()).isTrue();
        assertThat(visits()).isZero();
        browser.shot("8-offline-three-waiting");

        // Reopened without a connection: the service worker's copy of the page, with the waiting count. A fifth
        // household added meanwhile shows that the copy is the phone's (the network copy would list it).
        households.add("19873", haLac, "Phạm Văn Em", "Xóm 5", 3, 1, "test");
        serverReachable(false);
        browser.driver().navigate().refresh();
        assertThat(browser.find("#todo-count").getText()).isEqualTo("4 hộ chưa đến");
        browser.await().until(d -> "3".equals(pending()));
        assertThat(browser.find("#pending").isDisplayed()).isTrue();
        assertThat(visits()).isZero();
        browser.shot("8-offline-reopened");
        browser.size(ConsoleBrowser.DESKTOP);
        browser.shot("8-offline-reopened");
        browser.size(ConsoleBrowser.PHONE);
        serverReachable(true);

        network(false);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).withMessage(() -> "waiting: " + pending()
                + ", queue " + browser.script("return localStorage.getItem('bz-visit-queue')") + ", page: "
                + browser.script("return document.getElementById('pending').innerText"))
                .until(d -> "0".equals(pending()));
        assertThat(visits()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT client_ref) FROM campaign_visit").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT branch FROM campaign_visit").query(String.class).list())
                .containsOnly("Chi đoàn Hà Lạc");

        // The answer to one send was lost: the phone sends the same visit again. It is stored once.
        String sentRef = jdbc.sql("SELECT client_ref FROM campaign_visit ORDER BY id LIMIT 1").query(String.class)
                .single();
        long household = jdbc.sql("SELECT household_id FROM campaign_visit ORDER BY id LIMIT 1").query(Long.class)
                .single();
        browser.script("localStorage.setItem('bz-visit-queue', JSON.stringify([{household: '" + household
                + "', url: '/console/campaign/visits/" + household + "/queued', label: 'x', body: {clientRef: '"
                + sentRef + "', smartphonesPresent: 2, installedNow: 1}}]))");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            Object q = browser.script("return JSON.parse(localStorage.getItem('bz-visit-queue')).length");
            return ((Number) q).intValue() == 0;
        });
        assertThat(visits()).isEqualTo(3);

        // Nobody at home at the fourth: the attempt is kept, the household stays on the list.
        browser.get("/console/campaign/visits");
        WebElement fourth = browser.driver().findElements(By.cssSelector("#households tbody tr")).stream()
                .filter(r -> r.getText().contains("Đặng Thị Dung")).findFirst().orElseThrow();
        fourth.findElement(By.cssSelector("details.quick summary")).click();
        fourth.findElement(By.cssSelector("button.nobody-home")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> jdbc.sql(
                "SELECT COUNT(*) FROM campaign_visit WHERE nobody_home").query(Long.class).single() == 1);
        browser.get("/console/campaign/visits");
        assertThat(browser.find("#todo-count").getText()).isEqualTo("2 hộ chưa đến");
        assertThat(browser.find("span.away").getText()).startsWith("Lần trước không có ai ở nhà");
        browser.shot("8-offline-sent");
    }
}
