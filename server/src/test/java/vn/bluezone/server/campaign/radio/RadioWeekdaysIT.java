package vn.bluezone.server.campaign.radio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.ConsoleBrowser;
import vn.bluezone.server.support.ConsoleBrowserTestSupport;

/**
 * Field problem 2 (issue 13): the form numbered days "1 = Thứ Hai", so an official typing "2-6" for Thứ 2 to Thứ 6
 * aired Tuesday to Saturday. Now the days are checkboxes labelled Thứ 2 … Chủ nhật; ticking Thứ 2 to Thứ 6 schedules
 * Monday to Friday, the schedule reads back in the same words, and a refused form keeps what was chosen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=false")
class RadioWeekdaysIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;
    @Autowired RadioService radio;

    @Test
    void thuHaiToThuSauAirsMondayToFriday() throws Exception {
        radio.addTemplate("19873", "Bản tin sáng", "Kính thưa bà con {don_vi}: đã có {so_cai_dat} người cài.", "test");
        accounts.create("test", "vhxh.quangngan", "Cán bộ văn hoá xã", Role.COMMUNE, "19873", "culture-pass-1", false);
        browser.login("vhxh.quangngan", "culture-pass-1");
        String[] expectedLabels = {"Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"};
        int round = 0;
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/campaign/radio");
            var boxes = browser.driver().findElements(By.cssSelector("#slot-weekdays label.check"));
            assertThat(boxes).extracting(e -> e.getText().trim()).containsExactly(expectedLabels);
            assertThat(browser.text()).doesNotContain("1 = Thứ Hai");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(browser.windowWidth());

            // Refused (no day ticked): the place typed stays, the message says what to do.
            for (int d = 1; d <= 7; d++) {
                var box = browser.find("#weekday-" + d);
                if (box.isSelected()) {
                    browser.script("arguments[0].click()", box);
                }
            }
            browser.find("#slot-form input[name=location]").sendKeys("Loa thôn Hà Lạc " + round);
            browser.script("arguments[0].scrollIntoView()", browser.find("#slot-form button[type=submit]"));
            browser.find("#slot-form button[type=submit]").click();
            assertThat(browser.find("#error-weekday").getText()).contains("ngày trong tuần"); // next to the days
            assertThat(browser.find("#slot-form input[name=location]").getAttribute("value"))
                    .isEqualTo("Loa thôn Hà Lạc " + round);
            browser.shot("2-radio-refused");

            // Thứ 2 … Thứ 6, as an official says Monday to Friday.
            for (int d = 1; d <= 5; d++) {
                browser.script("arguments[0].click()", browser.find("#weekday-" + d));
            }
            browser.find("#slot-form button[type=submit]").click();
            browser.find("#flash-info");
            browser.shot("2-radio-scheduled");
            round++;
        }
        assertThat(radio.slots("19873")).hasSize(2).allSatisfy(s -> assertThat(s.weekdays()).isEqualTo("12345"));
        assertThat(browser.find("#slots").getText()).contains("Thứ 2, Thứ 3, Thứ 4, Thứ 5, Thứ 6")
                .doesNotContain("Thứ 7").doesNotContain("Chủ nhật");
    }
}
