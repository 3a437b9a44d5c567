package vn.bluezone.server.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.RegistryTestSupport;

/** The statistics pages render in Vietnamese by default and in English on request; forms work and are audited. */
@AutoConfigureMockMvc
class ConsolePagesTest extends RegistryTestSupport {
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void account() {
        if (accounts.find("pages.national").isEmpty()) {
            accounts.create("test", "pages.national", null, Role.NATIONAL, null, "a-long-test-password", false);
            accounts.create("test", "pages.xa", null, Role.COMMUNE, "19897", "a-long-test-password", false);
        }
    }

    UserDetails as(String u) {
        return accounts.loadUserByUsername(u);
    }

    @Test
    void nationalDashboardListsTheProvincesInVietnameseThenEnglish() throws Exception {
        String html = mvc.perform(get("/console/statistics/VN").with(user(as("pages.national"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xếp hạng các đơn vị trực thuộc")))
                .andExpect(content().string(containsString("Tỉnh Thừa Thiên Huế")))
                .andExpect(content().string(containsString("/vendor/chartjs/chart.umd.min.js")))
                .andReturn().getResponse().getContentAsString();
        // 63 province rows (links into each province), each flagged under the floor with no installs yet
        assertEquals(63, html.split("<td><a href=\"/console/statistics/\\d\\d\\?day=").length - 1);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/console/statistics/VN?lang=en").session(session).with(user(as("pages.national"))))
                .andExpect(content().string(containsString("Ranking of the units below")))
                .andExpect(content().string(not(containsString("Xếp hạng các đơn vị trực thuộc"))));
        // the chart library is served by the application itself
        mvc.perform(get("/vendor/chartjs/chart.umd.min.js")).andExpect(status().isOk());
    }

    /**
     * The 403 and 404 pages carry the console's language switch: back to the page asked for (its query kept) in
     * the other language, and the page itself in the reader's language. MockMvc does not dispatch to {@code /error}
     * itself, so the request carries the attributes the servlet container sets.
     */
    @Test
    void errorPagesOfferTheLanguageSwitch() throws Exception {
        for (int code : new int[] {403, 404}) {
            String vi = errorPage(get("/error?day=2026-12-01&lang=vi"), code, "/console/statistics/99");
            assertTrue(vi.contains("id=\"lang-en\" href=\"/console/statistics/99?day=2026-12-01&amp;lang=en\""), vi);
            assertTrue(vi.contains("id=\"lang-vi\" href=\"/console/statistics/99?day=2026-12-01&amp;lang=vi\""), vi);
            assertTrue(vi.contains(code == 403 ? "Bạn không có quyền xem trang này" : "Không có trang này."), vi);
            String en = errorPage(get("/error?lang=en"), code, "/console/campaign/places");
            assertTrue(en.contains("id=\"lang-vi\" href=\"/console/campaign/places?lang=vi\""), en);
            assertTrue(en.contains(code == 403 ? "You are not allowed to see this page" : "There is no such page."),
                    en);
            assertTrue(en.contains("<html lang=\"en\""), en);
        }
        // After a refused form (a POST) the links lead to the console's home, never to the form's address.
        String afterPost = errorPage(post("/error").with(csrf()), 403, "/console/campaign/places");
        assertTrue(afterPost.contains("id=\"lang-en\" href=\"/console?lang=en\""), afterPost);
    }

    String errorPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, int code,
            String uri) throws Exception {
        return mvc.perform(req.accept(org.springframework.http.MediaType.TEXT_HTML)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, code)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, uri)
                        .with(user(as("pages.national"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void developerToolsAreInTheirOwnMenuNotInThePageHeader() throws Exception {
        for (String path : new String[] {"/console", "/console/statistics/VN", "/console/campaign"}) {
            String html = mvc.perform(get(path).with(user(as("pages.national")))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String header = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
            assertTrue(!header.contains("/console/api-keys") && !header.contains("/api/docs-ui"), path + ": " + header);
        }
        String home = mvc.perform(get("/console").with(user(as("pages.national")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String menu = home.substring(home.indexOf("id=\"developer-tools\""));
        menu = menu.substring(0, menu.indexOf("</details>"));
        assertTrue(menu.contains("href=\"/console/api-keys\"") && menu.contains("href=\"/api/docs-ui\""), menu);
    }

    @Test
    void exportsAreSpreadsheetsOfTheRanking() throws Exception {
        MvcResult csv = mvc.perform(get("/console/statistics/477/export.csv").with(user(as("pages.national"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFHạng;Mã đơn vị;Đơn vị"), text.substring(0, 40)); // Vietnamese CSV: ";" and decimal commas
        assertTrue(text.contains("Xã Quảng Ngạn"));
        byte[] xlsx = mvc.perform(get("/console/statistics/477/export.xlsx").with(user(as("pages.national"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            // title, header, 11 communes of Quảng Điền, the district itself
            assertEquals(1 + 1 + 11 + 1, wb.getSheetAt(0).getPhysicalNumberOfRows());
        }
    }

    @Test
    void importErrorsAreShownWithRowNumbersAndNothingIsSaved() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class);
        MockMultipartFile file = new MockMultipartFile("file", "dan-so.csv", "text/csv",
                "ma_don_vi,ngay,dan_so\n19897,2021-01-01,9000\n19897,2021-13-01,9000\n19897,2021-02-01,chín\n"
                        .getBytes(StandardCharsets.UTF_8));
        MvcResult r = mvc.perform(multipart("/console/statistics/19897/denominators/import").file(file)
                .with(csrf()).with(user(as("pages.xa")))).andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/console/statistics/19897/denominators").flashAttrs(r.getFlashMap()).with(user(as("pages.xa"))))
                .andExpect(content().string(containsString("Không nhập gì cả: tệp có 2 lỗi.")))
                .andExpect(content().string(containsString("Dòng 3: &quot;2021-13-01&quot; không phải là ngày")))
                .andExpect(content().string(containsString("Dòng 4: &quot;chín&quot; không phải là số nguyên")));
        assertEquals(before, jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class));

        MockMultipartFile good = new MockMultipartFile("file", "dan-so.csv", "text/csv",
                "ma_don_vi,ngay,dan_so\n19897,2021-01-01,9000\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/console/statistics/19897/denominators/import").file(good)
                .with(csrf()).with(user(as("pages.xa")))).andExpect(status().is3xxRedirection());
        assertEquals(before + 1, jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class));
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'denominator.import' "
                + "AND actor = 'pages.xa'", Long.class));
    }

    @Test
    void demoFiguresCarryTheirSourceInTheReadersLanguage() throws Exception {
        // One figure as the demo stores it (the mark), one as databases loaded before the mark hold it.
        for (String source : vn.bluezone.server.statistics.DemoDataSet.SOURCES) {
            jdbc.update("INSERT INTO denominator (unit_code, kind, amount, as_of, source, entered_by, entered_at) "
                    + "VALUES ('19897', 'POPULATION', 1234, DATE '2000-01-01', ?, 'pages.test', CURRENT_TIMESTAMP)", source);
        }
        try {
            demoSourcePages();
        } finally { // the rows would otherwise mark other tests' exports as demo figures
            jdbc.update("DELETE FROM denominator WHERE entered_by = 'pages.test'");
        }
    }

    void demoSourcePages() throws Exception {
        String vi = mvc.perform(get("/console/statistics/19897/denominators").with(user(as("pages.xa"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertEquals(2, vi.split("DEMO: số liệu mô phỏng, không phải số liệu chính thức", -1).length - 1);
        assertTrue(!vi.contains("simulated") && !vi.contains(" / "), "Vietnamese page only");
        String en = mvc.perform(get("/console/statistics/19897/denominators?lang=en").session(new MockHttpSession())
                        .with(user(as("pages.xa"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertEquals(2, en.split("DEMO: simulated figure, not official data", -1).length - 1);
        assertTrue(!en.contains("mô phỏng"), "English page only");
    }

    @Test
    void communeOfficialCreatesVillages() throws Exception {
        mvc.perform(post("/console/statistics/19897/villages").param("kind", "to-dan-pho").param("name", "Trung Đông")
                .with(csrf()).with(user(as("pages.xa")))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/statistics/19897/villages").with(user(as("pages.xa"))))
                .andExpect(content().string(containsString("Tổ dân phố Trung Đông")));
        mvc.perform(get("/console/statistics/19897").with(user(as("pages.xa"))))
                .andExpect(content().string(containsString("Tổ dân phố Trung Đông")));
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'village.create' "
                + "AND actor = 'pages.xa'", Long.class));
    }
}
