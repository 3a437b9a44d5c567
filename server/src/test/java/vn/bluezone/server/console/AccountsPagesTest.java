package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.TestDatabase;

/**
 * The console pages for officials' accounts (administrators) and for one's own API keys, with the server's real
 * security (form login, sessions, CSRF) on H2: list in Vietnamese order, search without diacritics, create with a
 * one-time password, bad input refused with the form again, disable / enable / reset, 403 for other roles. The
 * server also listens on a port, so that one test sees the error page a browser gets.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsPagesTest {
    static final String PW = "accounts-pages-pw";
    static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([^<]+)<");
    static final Pattern ISSUED_KEY = Pattern.compile("id=\"issued-key\">(bz_[^<]+)<");
    static final Pattern REVOKE = Pattern.compile("/console/api-keys/(\\d+)/revoke");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @BeforeAll
    void setUp() {
        accounts.create("test", "boss", "Giáp Văn Hùng", Role.ADMIN, null, PW, false);
        accounts.create("test", "xa.qn", "Âu Thị Hoa", Role.COMMUNE, "19873", PW, false);      // Xã Quảng Ngạn
        accounts.create("test", "huyen.qd", "Bùi Văn Cường", Role.DISTRICT, "477", PW, false); // Huyện Quảng Điền
        accounts.create("test", "yte.hn", "Đỗ Minh Tâm", Role.HEALTH_OFFICER, "01", PW, false); // Hà Nội
        accounts.create("test", "tnv.qn", "Dương Văn Em", Role.VOLUNTEER, "19873", PW, false);
    }

    MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("%s in the page", p).isTrue();
        return m.group(1);
    }

    String page(MockHttpSession s, String url) throws Exception {
        return html(mvc.perform(get(url).session(s)).andExpect(status().isOk()).andReturn());
    }

    long id(String username) {
        return accounts.find(username).orElseThrow().id();
    }

    boolean enabled(String username) {
        return accounts.findWithStatus(id(username)).orElseThrow().enabled();
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The form as the area picker posts it: the area in the select of its level (province, district, commune). */
    MockHttpServletRequestBuilder createForm(String username, String displayName, String role, String area) {
        String level = area.length() == 2 ? "areaProvince" : area.length() == 3 ? "areaDistrict" : "areaCommune";
        return post("/console/accounts").param("username", username).param("displayName", displayName)
                .param("role", role).param(level, area);
    }

    @Test
    void listIsInVietnameseOrderWithAreaNamesAndSearchIgnoresDiacritics() throws Exception {
        MockHttpSession boss = login("boss", PW);
        String all = page(boss, "/console/accounts");
        assertThat(all).contains("Tài khoản cán bộ", "Xã Quảng Ngạn", "Huyện Quảng Điền, Tỉnh Thừa Thiên Huế",
                "Thành phố Hà Nội", "Toàn quốc", "Cấp xã", "Tình nguyện viên");
        // Vietnamese dictionary order: A < Â < B < D < Đ < G (code-point order would put Â and Đ after G).
        String table = all.substring(all.indexOf("<table id=\"accounts\""));
        List<String> names = List.of("Âu Thị Hoa", "Bùi Văn Cường", "Dương Văn Em", "Đỗ Minh Tâm", "Giáp Văn Hùng");
        for (int i = 1; i < names.size(); i++) {
            assertThat(table.indexOf(names.get(i - 1))).as(names.get(i - 1) + " before " + names.get(i))
                    .isLessThan(table.indexOf(names.get(i))).isPositive();
        }

        // Other tests of the class may have added accounts elsewhere in Huế, none in Quảng Ngạn or Hà Nội.
        String quangNgan = page(boss, "/console/accounts?q=quang ngan");
        assertThat(rows(quangNgan)).containsExactlyInAnyOrder("xa.qn", "tnv.qn");
        // The province of each area is searched too, and đ is folded to d.
        assertThat(rows(page(boss, "/console/accounts?q=THUA THIEN hue"))).contains("xa.qn", "tnv.qn", "huyen.qd")
                .doesNotContain("yte.hn", "boss");
        assertThat(rows(page(boss, "/console/accounts?q=do minh"))).containsExactly("yte.hn");
        assertThat(rows(page(boss, "/console/accounts?q=tinh nguyen vien"))).containsExactly("tnv.qn");
        assertThat(page(boss, "/console/accounts?q=khong co ai")).contains("Không có tài khoản nào.");

        String english = page(boss, "/console/accounts?lang=en");
        assertThat(english).contains("Officials&#39; accounts", "Commune", "Whole country")
                .doesNotContain("Tài khoản cán bộ");
    }

    static List<String> rows(String html) {
        return Pattern.compile("<tr id=\"account-([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void adminCreatesAnAccountAndSeesItsOneTimePasswordOnce() throws Exception {
        MockHttpSession boss = login("boss", PW);
        String decomposed = Normalizer.normalize("Nguyễn Văn Quảng", Normalizer.Form.NFD);
        String result = html(mvc.perform(createForm(" Xa.QC ", decomposed, "COMMUNE", "19876").session(boss).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        String password = group(ONE_TIME, result);
        assertThat(password).hasSize(20);
        assertThat(result).contains("Đã tạo tài khoản", "xa.qc", "Xã Quảng Lợi", "Cấp xã");

        Official created = accounts.find("xa.qc").orElseThrow();
        assertThat(created.displayName()).isEqualTo("Nguyễn Văn Quảng"); // stored NFC
        assertThat(created.role()).isEqualTo(Role.COMMUNE);
        assertThat(created.areaCode()).isEqualTo("19876");
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.create' AND actor = 'boss'"
                + " AND target = 'xa.qc'")).isEqualTo(1);

        // Shown once: the list does not carry it; it works once for a login that must change it first.
        String list = page(boss, "/console/accounts");
        assertThat(list).contains("id=\"account-xa.qc\"", "Phải đổi khi đăng nhập").doesNotContain(password);
        MockHttpSession newcomer = login("xa.qc", password);
        mvc.perform(get("/console").session(newcomer)).andExpect(redirectedUrl("/console/password"));
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%" + password + "%'")).isZero();
    }

    @Test
    void badInputComesBackWithTheFormAndAClearMessage() throws Exception {
        MockHttpSession boss = login("boss", PW);
        long before = count("SELECT COUNT(*) FROM account");

        String badName = html(mvc.perform(createForm("Bad Name", "Lê Văn Tám", "COMMUNE", "19873")
                .session(boss).with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(badName).contains("Tên đăng nhập phải có 3-64 ký tự", "value=\"Bad Name\"", "value=\"Lê Văn Tám\"",
                "<option value=\"19873\" selected=\"selected\">Xã Quảng Ngạn</option>", "id=\"account-form\"",
                "id=\"error-username\"");
        assertThat(html(mvc.perform(createForm("le.van.tam", "", "", "19873").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn())).contains("Hãy chọn vai trò.");
        assertThat(html(mvc.perform(createForm("le.van.tam", "", "KING", "19873").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn())).contains("Hãy chọn vai trò.");
        // Tampered selects: a bad format is no choice at all, a well-formed code of no unit is not in the registry.
        for (String area : List.of("123456", "7a")) {
            assertThat(html(mvc.perform(createForm("le.van.tam", "", "COMMUNE", area).session(boss).with(csrf()))
                    .andExpect(status().isBadRequest()).andReturn())).as(area)
                    .contains("Tài khoản Cấp xã cần địa bàn là một xã, phường hoặc thị trấn");
        }
        assertThat(html(mvc.perform(createForm("le.van.tam", "", "COMMUNE", "99999").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn()))
                .contains("Địa bàn này không có trong danh mục hành chính.", "id=\"error-area\"");
        assertThat(html(mvc.perform(createForm("le.van.tam", "x".repeat(201), "COMMUNE", "").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn())).contains("Họ tên dài quá 200 ký tự.");
        assertThat(html(mvc.perform(createForm("xa.qn", "", "COMMUNE", "19873").session(boss).with(csrf()))
                .andExpect(status().isConflict()).andReturn())).contains("Tên đăng nhập này đã có tài khoản khác dùng.");
        // In English on request.
        assertThat(html(mvc.perform(createForm("le.van.tam", "", "", "").param("lang", "en").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn())).contains("Choose a role.");
        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(before);

        // The API applies the same rules (same service): an unknown unit is refused there too.
        mvc.perform(post("/api/v1/admin/accounts").session(boss).with(csrf())
                        .contentType("application/json").content("{\"username\":\"le.van.tam\",\"role\":\"COMMUNE\",\"areaCode\":\"99999\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_AREA"));
        // Unknown account ids in the buttons: a message, not an error page.
        mvc.perform(post("/console/accounts/999999/disable").session(boss).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andExpect(flash().attribute("error", "Không tìm thấy tài khoản."));
        mvc.perform(post("/console/accounts/999999/password-reset").session(boss).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andExpect(flash().attribute("error", "Không tìm thấy tài khoản."));
        mvc.perform(post("/console/accounts/abc/enable").session(boss).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void disabledAccountCannotLogInAndItsSessionAndKeysStopUntilEnabledAgain() throws Exception {
        MockHttpSession boss = login("boss", PW);
        MockHttpSession volunteer = login("tnv.qn", PW);
        String key = apiKeys.issue(accounts.find("tnv.qn").orElseThrow(), "script").key();
        mvc.perform(get("/console").session(volunteer)).andExpect(status().isOk());

        mvc.perform(post("/console/accounts/" + id("tnv.qn") + "/disable").param("q", "quang ngan")
                        .session(boss).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts?q=quang%20ngan"))
                .andExpect(flash().attribute("info", "Đã tạm khoá tài khoản tnv.qn."));
        assertThat(enabled("tnv.qn")).isFalse();
        String row = rowOf(page(boss, "/console/accounts?q=tnv"), "tnv.qn");
        assertThat(row).contains("Đã tạm khoá", "/enable").doesNotContain("/disable");

        mvc.perform(formLogin("/login").user("tnv.qn").password(PW)).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        // The session opened before ends at its next request; the API key stops too.
        mvc.perform(get("/console").session(volunteer)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isUnauthorized());

        mvc.perform(post("/console/accounts/" + id("tnv.qn") + "/enable").session(boss).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andExpect(flash().attribute("info", "Đã mở khoá tài khoản tnv.qn."));
        assertThat(enabled("tnv.qn")).isTrue();
        MockHttpSession again = login("tnv.qn", PW);
        mvc.perform(get("/console").session(again)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isOk());
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'boss' AND target = 'tnv.qn'"
                + " AND action IN ('account.disable', 'account.enable')")).isEqualTo(2);
    }

    static String rowOf(String html, String username) {
        int start = html.indexOf("<tr id=\"account-" + username + "\"");
        assertThat(start).as("row of " + username).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void anAdministratorCannotDisableThemself() throws Exception {
        MockHttpSession boss = login("boss", PW);
        assertThat(rowOf(page(boss, "/console/accounts"), "boss")).contains("(bạn)").doesNotContain("/disable");
        mvc.perform(post("/console/accounts/" + id("boss") + "/disable").session(boss).with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andExpect(flash().attribute("error", "Bạn không thể tự khoá tài khoản của chính mình."));
        mvc.perform(post("/api/v1/admin/accounts/" + id("boss") + "/disable").session(boss).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("CANNOT_DISABLE_SELF"));
        assertThat(enabled("boss")).isTrue();
        mvc.perform(get("/console").session(boss)).andExpect(status().isOk());
    }

    @Test
    void resetGivesANewOneTimePasswordThatMustBeChanged() throws Exception {
        accounts.create("test", "reset.me", "Hà Văn Lâm", Role.PROVINCE, "46", PW, false);
        MockHttpSession before = login("reset.me", PW);
        mvc.perform(get("/console").session(before)).andExpect(status().isOk());
        MockHttpSession boss = login("boss", PW);
        String result = html(mvc.perform(post("/console/accounts/" + id("reset.me") + "/password-reset")
                .session(boss).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(result).contains("Đã cấp lại mật khẩu", "reset.me", "Tỉnh Thừa Thiên Huế");
        String password = group(ONE_TIME, result);

        mvc.perform(formLogin("/login").user("reset.me").password(PW)).andExpect(unauthenticated());
        // A session opened with the old password ends at its next request (the account may be in wrong hands).
        mvc.perform(get("/console").session(before)).andExpect(redirectedUrl("/login"));
        MockHttpSession s = login("reset.me", password);
        mvc.perform(get("/console/statistics").session(s)).andExpect(redirectedUrl("/console/password"));
        assertThat(accounts.find("reset.me").orElseThrow().mustChangePassword()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.password-reset' AND actor = 'boss'"
                + " AND target = 'reset.me'")).isEqualTo(1);
        // The official's own change keeps their session going (its stamp is refreshed), unlike a reset.
        String mine = PW + "-mine-2026";
        mvc.perform(post("/console/password").session(s).with(csrf()).param("currentPassword", password)
                .param("newPassword", mine).param("confirmPassword", mine))
                .andExpect(redirectedUrl("/console?passwordChanged"));
        mvc.perform(get("/console").session(s)).andExpect(status().isOk());

        // The API does the same.
        mvc.perform(post("/api/v1/admin/accounts/" + id("reset.me") + "/password-reset").session(boss).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.oneTimePassword").isString())
                .andExpect(jsonPath("$.official.mustChangePassword").value(true));
        mvc.perform(formLogin("/login").user("reset.me").password(password)).andExpect(unauthenticated());
        mvc.perform(get("/console").session(s)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void otherRolesGet403OnThePageAndOnEveryForm() throws Exception {
        long target = id("tnv.qn");
        String hashBefore = jdbc.queryForObject("SELECT password_hash FROM account WHERE id = ?", String.class, target);
        long accountsBefore = count("SELECT COUNT(*) FROM account");
        for (String user : List.of("huyen.qd", "yte.hn", "xa.qn")) {
            MockHttpSession s = login(user, PW);
            assertThat(page(s, "/console")).doesNotContain("/console/accounts").contains("/console/api-keys");
            mvc.perform(get("/console/accounts").session(s)).andExpect(status().isForbidden());
            mvc.perform(get("/console/accounts?q=x").session(s)).andExpect(status().isForbidden());
            mvc.perform(createForm("intruder", "", "ADMIN", "").session(s).with(csrf()))
                    .andExpect(status().isForbidden());
            for (String action : List.of("disable", "enable", "password-reset")) {
                mvc.perform(post("/console/accounts/" + target + "/" + action).session(s).with(csrf()))
                        .andExpect(status().isForbidden());
            }
        }
        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(accounts.find("intruder")).isEmpty();
        assertThat(enabled("tnv.qn")).isTrue();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM account WHERE id = ?", String.class, target))
                .isEqualTo(hashBefore);
        // Administrators see the link.
        assertThat(page(login("boss", PW), "/console")).contains("id=\"menu-accounts\"", "id=\"nav-accounts\"");
    }

    @Test
    void aBrowserOfAnotherRoleGetsTheConsoleErrorPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = group(Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\""), loginPage);
        String form = "username=huyen.qd&password=" + PW + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

        HttpResponse<String> denied = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/accounts"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(denied.body()).contains("<h1>403</h1>", "Bạn không có quyền xem trang này hoặc làm thao tác này.",
                "/css/console.css");
        // A form posted without its CSRF token gets the same page.
        HttpResponse<String> noToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/api-keys"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("label=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("<h1>403</h1>");
        assertThat(count("SELECT COUNT(*) FROM api_key WHERE label = 'x'")).isZero();
    }

    @Test
    void officialsIssueAndRevokeTheirOwnApiKeys() throws Exception {
        MockHttpSession s = login("huyen.qd", PW);
        assertThat(page(s, "/console/api-keys")).contains("Bạn chưa có khoá API nào.");

        String issued = html(mvc.perform(post("/console/api-keys").param("label", "Báo cáo hằng ngày")
                .session(s).with(csrf())).andExpect(status().isOk()).andReturn());
        String key = group(ISSUED_KEY, issued);
        assertThat(issued).contains("Đã cấp khoá mới", "Báo cáo hằng ngày");
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("huyen.qd"))
                .andExpect(jsonPath("$.areaCode").value("477"));

        // Listed by prefix and label, never the secret again.
        String list = page(s, "/console/api-keys");
        assertThat(list).contains(key.substring(0, 10), "Báo cáo hằng ngày", "Đang dùng được").doesNotContain(key);
        String keyId = group(REVOKE, list);

        // Another official cannot revoke it.
        MockHttpSession other = login("xa.qn", PW);
        mvc.perform(post("/console/api-keys/" + keyId + "/revoke").session(other).with(csrf()))
                .andExpect(redirectedUrl("/console/api-keys"))
                .andExpect(flash().attribute("error", "Bạn không có khoá đang dùng nào như vậy."));
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isOk());

        mvc.perform(post("/console/api-keys/" + keyId + "/revoke").session(s).with(csrf()))
                .andExpect(redirectedUrl("/console/api-keys"))
                .andExpect(flash().attribute("info", "Đã thu hồi khoá; khoá không dùng được nữa."));
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("INVALID_API_KEY"));
        assertThat(page(s, "/console/api-keys")).contains("Đã thu hồi lúc").doesNotContain("/revoke");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'huyen.qd'"
                + " AND action IN ('apikey.issue', 'apikey.revoke')")).isEqualTo(2);

        // A label too long: the form again with the message and nothing issued.
        long keysBefore = count("SELECT COUNT(*) FROM api_key");
        String refused = html(mvc.perform(post("/console/api-keys").param("label", "n".repeat(101))
                .session(s).with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("Ghi chú dài quá 100 ký tự.", "id=\"api-key-form\"").doesNotContain("issued-key");
        assertThat(count("SELECT COUNT(*) FROM api_key")).isEqualTo(keysBefore);
        assertThat(page(s, "/console/api-keys?lang=en")).contains("API keys", "Revoked");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        MockHttpSession boss = login("boss", PW);
        long accountsBefore = count("SELECT COUNT(*) FROM account");
        long keysBefore = count("SELECT COUNT(*) FROM api_key");
        mvc.perform(createForm("no.csrf", "", "COMMUNE", "19873").session(boss)).andExpect(status().isForbidden());
        mvc.perform(post("/console/accounts/" + id("xa.qn") + "/disable").session(boss))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/accounts/" + id("xa.qn") + "/password-reset").session(boss))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/api-keys").param("label", "x").session(boss)).andExpect(status().isForbidden());
        long key = apiKeys.issue(accounts.find("boss").orElseThrow(), "kept").id();
        mvc.perform(post("/console/api-keys/" + key + "/revoke").session(boss)).andExpect(status().isForbidden());
        mvc.perform(post("/console/api-keys/" + key + "/revoke").session(boss).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());

        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(count("SELECT COUNT(*) FROM api_key")).isEqualTo(keysBefore + 1);
        assertThat(count("SELECT COUNT(*) FROM api_key WHERE id = " + key + " AND revoked_at IS NULL")).isEqualTo(1);
        assertThat(enabled("xa.qn")).isTrue();
        // The rendered forms carry the token.
        assertThat(page(boss, "/console/accounts")).contains("name=\"_csrf\"");
        assertThat(page(boss, "/console/api-keys")).contains("name=\"_csrf\"");
    }
}
