package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Field problem 6 (issue 13): the exports' headers lacked their figure ("Dưới ngưỡng tối thiểu ( dân số)"), had an
 * English {@code code} column, ISO dates in titles, decimal points in the CSV and demo figures without a DEMO mark.
 * A province official opens the statistics page on the demo data in Chromium and downloads both files through the
 * page's own links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bluezone.demo.enabled=true")
class ExportsIT extends ConsoleBrowserTestSupport {
    @Autowired AccountService accounts;

    private String link(String suffix) {
        String href = browser.driver().findElements(By.cssSelector("a[href]")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.contains(suffix)).findFirst().orElseThrow();
        return href.substring(href.indexOf("/console"));
    }

    @Test
    void exportsSayTheirFiguresInVietnameseAndMarkTheDemo() throws Exception {
        accounts.create("test", "soyte.hue", "Sở Y tế Thừa Thiên Huế", Role.PROVINCE, "46", "province-pass-1", false);
        browser.login("soyte.hue", "province-pass-1");
        for (Dimension size : new Dimension[] {ConsoleBrowser.PHONE, ConsoleBrowser.DESKTOP}) {
            browser.size(size);
            browser.get("/console/statistics/46");
            browser.find("#demo-banner");
            browser.shot("6-statistics-province");
        }

        HttpResponse<byte[]> csv = browser.download(link("export.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).contains("DEMO").containsPattern("\\d{2}/\\d{2}/\\d{4}");
        String header = lines.get(1);
        assertThat(header).contains("Mã đơn vị").doesNotContain(";code;")
                .contains("Dưới ngưỡng tối thiểu (10,0% dân số)").doesNotContain("( dân số)")
                .contains("Dưới mục tiêu (50,0% người dùng điện thoại thông minh)");
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(lines.subList(2, lines.size())).allSatisfy(l -> assertThat(l).doesNotContainPattern("\\d\\.\\d"));
        assertThat(lines.subList(2, lines.size())).anySatisfy(l -> assertThat(l).containsPattern("\\d,\\d%"));

        HttpResponse<byte[]> xlsx = browser.download(link("export.xlsx"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).startsWith("DEMO");
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertThat(title).contains("DEMO").containsPattern("\\d{2}/\\d{2}/\\d{4}")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            List<String> heads = new ArrayList<>();
            Row head = sheet.getRow(1);
            head.forEach(c -> heads.add(c.getStringCellValue()));
            assertThat(heads).contains("Mã đơn vị", "Dưới ngưỡng tối thiểu (10,0% dân số)").doesNotContain("code");
        }
    }
}
