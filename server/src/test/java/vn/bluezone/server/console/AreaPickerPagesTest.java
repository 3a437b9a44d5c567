package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.VietnameseText;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 13, officials never type GSO codes: the area picker of the accounts and directives forms offers only the
 * areas the official may act on, by full name with the level, in Vietnamese dictionary order; it works without
 * JavaScript (the "next" button fills the next level, keeping what was typed); the server still checks the chosen
 * area (scope, and the level a role needs). And a refused request names its field in the reader's language, next
 * to the field on a re-rendered form and on the HTML error page a browser gets (real HTTP, as the error page is a
 * servlet error dispatch MockMvc does not make).
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaPickerPagesTest {
    static final String PW = "area-picker-pw-1";
    static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]+)</option>");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired DirectiveService directives;
    @LocalServerPort int port;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void setUp() {
        accounts.create("test", "quan.tri", "Quản trị", Role.ADMIN, null, PW, false);
        accounts.create("test", "tinh.tth", "UBND tỉnh", Role.PROVINCE, "46", PW, false);
        accounts.create("test", "huyen.qd", "UBND huyện", Role.DISTRICT, "477", PW, false);
        accounts.create("test", "xa.qn", "UBND xã", Role.COMMUNE, "19873", PW, false);
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The options (code → name) of the select named {@code name}, in page order. */
    static List<String[]> options(String page, String name) {
        Matcher select = Pattern.compile("(?s)<select name=\"" + name + "\".*?</select>").matcher(page);
        assertThat(select.find()).as("select " + name).isTrue();
        return OPTION.matcher(select.group()).results().map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    List<String> children(MockHttpSession s, String parent) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/console/areas/children").param("parent", parent).session(s))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return list.valueStream().map(n -> n.get("name").asString()).toList();
    }

    @Test
    void adminPicksAmongEveryProvinceByNameInDictionaryOrder() throws Exception {
        MockHttpSession admin = login("quan.tri");
        String page = html(mvc.perform(get("/console/accounts").session(admin)).andExpect(status().isOk()).andReturn());
        assertThat(page).doesNotContain("name=\"areaCode\"").contains("id=\"area-picker\"", "/js/area-picker.js");
        List<String> provinces = options(page, "areaProvince").stream().map(o -> o[1]).toList();
        assertThat(provinces).hasSize(63).allMatch(n -> n.startsWith("Tỉnh ") || n.startsWith("Thành phố "));
        // By the name after the level word: Cao Bằng (a) before Cần Thơ (â), D before Đ, Đà before Đắk before Điện.
        List<String> expected = List.of("Tỉnh An Giang", "Tỉnh Bắc Giang", "Tỉnh Cao Bằng", "Thành phố Cần Thơ",
                "Thành phố Đà Nẵng", "Tỉnh Đắk Lắk", "Tỉnh Điện Biên", "Tỉnh Hà Giang", "Thành phố Hà Nội",
                "Thành phố Hải Phòng", "Tỉnh Yên Bái");
        assertThat(provinces).containsSubsequence(expected);
        assertThat(provinces.get(provinces.size() - 1)).isEqualTo("Tỉnh Yên Bái");
        // The levels below come by name too, each with its level word, in order.
        List<String> districts = children(admin, "46");
        assertThat(districts).contains("Huyện Quảng Điền", "Thành phố Huế")
                .allMatch(n -> n.matches("(Quận|Huyện|Thị xã|Thành phố) .+"));
        List<String> communes = children(admin, "477");
        assertThat(communes).contains("Xã Quảng Ngạn").allMatch(n -> n.matches("(Xã|Phường|Thị trấn) .+"));
        assertThat(communes).isSortedAccordingTo(VietnameseText.comparing(n -> n.replaceFirst("^(Xã|Phường|Thị trấn) ", "")));
        assertThat(children(admin, "19873")).isEmpty(); // no villages: never an account's area
    }

    @Test
    void theChildrenOnOfferAreOnlyThoseTheOfficialMayActOn() throws Exception {
        MockHttpSession province = login("tinh.tth");
        assertThat(children(province, "")).containsExactly("Tỉnh Thừa Thiên Huế");
        assertThat(children(province, "01")).isEmpty(); // Hà Nội's districts: outside
        assertThat(children(province, "46")).contains("Huyện Quảng Điền");
        MockHttpSession district = login("huyen.qd");
        assertThat(children(district, "46")).containsExactly("Huyện Quảng Điền");
        assertThat(children(district, "477")).contains("Xã Quảng Ngạn");

        // The district official's directive form: province and district shown as text, only its communes offered.
        String page = html(mvc.perform(get("/console/campaign/directives").session(district))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).doesNotContain("name=\"unit\"", "<select name=\"unitProvince\"", "<select name=\"unitDistrict\"")
                .contains("Tỉnh Thừa Thiên Huế", "Huyện Quảng Điền", "name=\"unitProvince\" value=\"46\"",
                        "name=\"unitDistrict\" value=\"477\"");
        assertThat(options(page, "unitCommune")).extracting(o -> o[1])
                .containsExactlyElementsOf(children(login("quan.tri"), "477"));
    }

    @Test
    void accountFormRefusesAnAreaOfTheWrongLevelNextToTheField() throws Exception {
        MockHttpSession admin = login("quan.tri");
        String refused = html(mvc.perform(post("/console/accounts").param("username", "xa.sai.cap")
                        .param("displayName", "Nguyễn Thị Lan").param("role", "COMMUNE").param("areaProvince", "46")
                        .param("areaDistrict", "477").session(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("id=\"error-area\"",
                        "Tài khoản Cấp xã cần địa bàn là một xã, phường hoặc thị trấn", "value=\"xa.sai.cap\"",
                        "value=\"Nguyễn Thị Lan\"", "<option value=\"477\" selected=\"selected\">Huyện Quảng Điền</option>")
                .contains("Xã Quảng Ngạn"); // the communes of the district are on offer to finish the choice
        mvc.perform(post("/console/accounts").param("username", "tinh.sai.cap").param("role", "PROVINCE")
                .param("areaCommune", "19873").session(admin).with(csrf())).andExpect(status().isBadRequest());
        assertThat(accounts.find("xa.sai.cap")).isEmpty();
        assertThat(accounts.find("tinh.sai.cap")).isEmpty();
        // The API applies the same rule.
        mvc.perform(post("/api/v1/admin/accounts").session(admin).with(csrf()).contentType("application/json")
                        .content("{\"username\":\"xa.api\",\"role\":\"COMMUNE\",\"areaCode\":\"477\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_AREA"));
        // In English on request.
        assertThat(html(mvc.perform(post("/console/accounts").param("username", "xa.sai.cap").param("role", "COMMUNE")
                        .param("lang", "en").session(admin).with(csrf())).andExpect(status().isBadRequest()).andReturn()))
                .contains("A Commune account needs a commune, ward or township as its area");

        // Right level: created with the commune chosen by name.
        mvc.perform(post("/console/accounts").param("username", "xa.dung.cap").param("role", "COMMUNE")
                .param("areaProvince", "46").param("areaDistrict", "477").param("areaCommune", "19873")
                .session(admin).with(csrf())).andExpect(status().isOk());
        assertThat(accounts.find("xa.dung.cap").orElseThrow().areaCode()).isEqualTo("19873");
    }

    @Test
    void withoutJavaScriptTheNextButtonFillsTheNextLevelAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession admin = login("quan.tri");
        String next = html(mvc.perform(post("/console/accounts").param("username", "huyen.moi").param("role", "DISTRICT")
                        .param("displayName", "Trần Văn Bình").param("areaProvince", "46").param("pick", "1")
                        .session(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(accounts.find("huyen.moi")).isEmpty();
        assertThat(next).contains("value=\"huyen.moi\"", "value=\"Trần Văn Bình\"",
                "<option value=\"DISTRICT\" selected=\"selected\"", "<option value=\"46\" selected=\"selected\">");
        assertThat(options(next, "areaDistrict")).extracting(o -> o[1]).contains("Huyện Quảng Điền");
        // A district left over from another province is dropped, with everything below it.
        String moved = html(mvc.perform(post("/console/accounts").param("username", "huyen.moi").param("role", "DISTRICT")
                        .param("areaProvince", "01").param("areaDistrict", "477").param("areaCommune", "19873")
                        .param("pick", "1").session(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(options(moved, "areaDistrict")).extracting(o -> o[1]).contains("Quận Ba Đình")
                .doesNotContain("Huyện Quảng Điền");
        assertThat(moved).doesNotContain("selected=\"selected\">Huyện Quảng Điền").contains("Thành phố Hà Nội</strong>");
    }

    @Test
    void aProvinceOfficialIssuesADirectiveForACommuneChosenByName() throws Exception {
        MockHttpSession province = login("tinh.tth");
        String page = html(mvc.perform(get("/console/campaign/directives").session(province))
                .andExpect(status().isOk()).andReturn());
        assertThat(options(page, "unitDistrict")).extracting(o -> o[1]).contains("Huyện Quảng Điền");
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        mvc.perform(post("/console/campaign/directives").param("unitProvince", "46").param("unitDistrict", "477")
                        .param("unitCommune", "19873").param("number", "33/KH-UBND")
                        .param("issuedOn", Formats.format(today)).param("issuingBody", "UBND tỉnh Thừa Thiên Huế")
                        .param("subject", "Cài đặt Bluezone ở Quảng Ngạn").session(province).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/campaign/directives/*"));
        assertThat(directives.directivesWithin("19873")).extracting(Directive::number).contains("33/KH-UBND");
        // Still authorised by the server: a unit outside the province is refused, whatever the selects post.
        mvc.perform(post("/console/campaign/directives").param("unitProvince", "01").param("number", "34/KH-UBND")
                .param("issuedOn", Formats.format(today)).param("issuingBody", "x").param("subject", "y")
                .session(province).with(csrf())).andExpect(status().isForbidden());
        // A bad day is named next to its field, the unit chosen stays chosen.
        String refused = html(mvc.perform(post("/console/campaign/directives").param("unitProvince", "46")
                        .param("unitDistrict", "477").param("number", "35/KH-UBND").param("issuedOn", "31/11/2026")
                        .param("issuingBody", "UBND tỉnh").param("subject", "z").session(province).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("id=\"error-issuedOn\"", "Ngày không hợp lệ (dd/mm/yyyy).",
                "<option value=\"477\" selected=\"selected\">Huyện Quảng Điền</option>", "value=\"31/11/2026\"");
    }

    @Test
    void anAdministratorChangesAnAccountsAreaByName() throws Exception {
        MockHttpSession admin = login("quan.tri");
        long id = accounts.create("test", "doi.dia.ban", null, Role.VOLUNTEER, "19873", PW, false).id();
        String list = html(mvc.perform(get("/console/accounts").session(admin)).andReturn());
        assertThat(list).contains("/console/accounts/" + id + "/area");
        // Areas by name only: no GSO code in what the administrator reads (values of the selects are not read).
        assertThat(withoutTimes(RenderedPagesConventionsTest.visibleText(list))).contains("Xã Quảng Ngạn")
                .doesNotContainPattern("\\b(19873|477|46)\\b");
        String form = html(mvc.perform(get("/console/accounts/" + id + "/area").session(admin))
                .andExpect(status().isOk()).andReturn());
        assertThat(form).contains("<option value=\"19873\" selected=\"selected\">Xã Quảng Ngạn</option>");
        assertThat(withoutTimes(RenderedPagesConventionsTest.visibleText(form)))
                .doesNotContainPattern("\\b(19873|477|46)\\b");
        mvc.perform(post("/console/accounts/" + id + "/area").param("areaProvince", "46").param("areaDistrict", "477")
                .session(admin).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/console/accounts/" + id + "/area").param("areaProvince", "46").param("areaDistrict", "477")
                        .param("areaCommune", "19876").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"));
        assertThat(accounts.find(id).orElseThrow().areaCode()).isEqualTo("19876");
    }

    // ---- refused requests name their field on the HTML error page (real HTTP) ----

    HttpClient browserLoggedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=" + PW + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return browser;
    }

    HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theErrorPageNamesTheRefusedFieldInTheReadersLanguage() throws Exception {
        HttpClient browser = browserLoggedIn("xa.qn");
        HttpResponse<String> day = page(browser, "/console/statistics/19873?day=31/11/2026");
        assertThat(day.statusCode()).isEqualTo(400);
        String text = RenderedPagesConventionsTest.visibleText(day.body());
        assertThat(text).contains("Yêu cầu không hợp lệ.", "«Ngày»: không phải một ngày có thật (dd/mm/yyyy).")
                .doesNotContain("BAD_DATE", "day=", "Bad Request");
        assertThat(day.body()).contains("name=\"viewport\"");

        HttpResponse<String> english = page(browser, "/console/statistics/19873?day=31/11/2026&lang=en");
        assertThat(RenderedPagesConventionsTest.visibleText(english.body()))
                .contains("“Day”: not a real day (dd/mm/yyyy).");

        // A path of the wrong type: named, not "id" or a Java exception.
        HttpResponse<String> id = page(browser, "/console/campaign/directives/abc?lang=vi");
        assertThat(id.statusCode()).isEqualTo(400);
        assertThat(RenderedPagesConventionsTest.visibleText(id.body()))
                .contains("«Số thứ tự trong địa chỉ trang»: sai kiểu hoặc định dạng.")
                .doesNotContain("INVALID_PARAMETER", "MethodArgument", "Long");
        // A query parameter of the wrong type.
        HttpResponse<String> days = page(browserLoggedIn("quan.tri"), "/console/codes/statistics?days=nhieu");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(RenderedPagesConventionsTest.visibleText(days.body())).contains("«Số ngày»: sai kiểu hoặc định dạng.");
    }

    /**
     * The text without its dd/mm/yyyy hh:mm stamps: the accounts list shows when each account was made, in Vietnam
     * time, and a stamp such as "03/12/2026 22:46" is not a GSO code (the check failed in the minute :46 of every hour).
     */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\b\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\b", "");
    }
}
