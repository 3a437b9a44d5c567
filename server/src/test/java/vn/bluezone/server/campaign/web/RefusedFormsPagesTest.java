package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.cohort.CohortPerson;
import vn.bluezone.server.campaign.cohort.CohortService;
import vn.bluezone.server.campaign.cohort.NewPerson;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.directive.NewTask;
import vn.bluezone.server.campaign.directive.Task;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.radio.RadioService;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 13, problem 4 for every console form that used to redirect on refusal: the refused form comes back (400 or
 * 409) with everything typed and the message next to the field it concerns, and nothing is saved. Then the commune
 * picker that replaced the "choose a commune" error page for officials above the commune.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedFormsPagesTest {
    static final String QN = "19873"; // Xã Quảng Ngạn, Huyện Quảng Điền (477), Thừa Thiên Huế (46)
    static final String TAY_LOC = "19750"; // Phường Tây Lộc, Thành phố Huế: same province, another district
    static final String PHUC_XA = "00001"; // Phường Phúc Xá, Hà Nội: another province
    static final String PW = "refused-forms-pw";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired CampaignClock clock;
    @Autowired DirectiveService directives;
    @Autowired CohortService cohorts;
    @Autowired HouseholdService households;
    @Autowired JdbcClient jdbc;
    @Autowired RadioService radio;
    @Autowired DeviceRegistry devices;

    String haLac;

    @BeforeAll
    void setUp() {
        haLac = villages.create(QN, "thon", "Hà Lạc", "test").code();
        accounts.create("test", "rf.xa", "UBND xã Quảng Ngạn", Role.COMMUNE, QN, PW, false);
        accounts.create("test", "rf.huyen", "UBND huyện Quảng Điền", Role.DISTRICT, "477", PW, false);
        accounts.create("test", "rf.tinh", "UBND tỉnh Thừa Thiên Huế", Role.PROVINCE, "46", PW, false);
        accounts.create("test", "rf.quocgia", "Ban chỉ đạo quốc gia", Role.NATIONAL, null, PW, false);
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    static String html(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the element with this id (its first text node), or null. */
    static String textOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The opening tag of the named control inside the form with this id. */
    static String control(String html, String formId, String name) {
        int start = html.indexOf("id=\"" + formId + "\"");
        assertThat(start).as("form " + formId).isNotNegative();
        String form = html.substring(start, html.indexOf("</form>", start));
        Matcher m = Pattern.compile("<(input|select)[^>]*name=\"" + name + "\"[^>]*>").matcher(form);
        assertThat(m.find()).as(name + " in " + formId).isTrue();
        return m.group();
    }

    /** Every field message the page shows, by the id of its element ({@code error-name}): only refusals draw one. */
    static Map<String, String> fieldErrors(String html) {
        Map<String, String> errors = new LinkedHashMap<>();
        Matcher m = Pattern.compile("id=\"(error-[^\"]+)\"[^>]*>([^<]*)<").matcher(html);
        while (m.find()) {
            errors.put(m.group(1), m.group(2).strip());
        }
        return errors;
    }

    static final String NOT_SAVED = "Chưa lưu: xem thông báo bên cạnh ô cần sửa; những gì đã nhập vẫn còn.";

    @Test
    void visitAndHouseholdFormsShowTheirRefusalNextToTheField() throws Exception {
        MockHttpSession xa = login("rf.xa");
        long id = households.add(QN, haLac, "Nguyễn Văn Bình", "Xóm 2", 4, 2, "test").id();
        long visits = jdbc.sql("SELECT COUNT(*) FROM campaign_visit").query(Long.class).single();
        // 1 + 1 + 1 > 2 phones present: the counts stay, the message is at the phones present.
        String over = html(mvc.perform(post("/console/campaign/visits/" + id).param("smartphonesPresent", "2")
                .param("alreadyInstalled", "1").param("installedNow", "1").param("refused", "1")
                .param("refusalReason", "Sợ tốn pin").param("branch", "Chi đoàn thôn Hà Lạc")
                .session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(over, "error-smartphonesPresent"))
                .isEqualTo("Số máy đã cài, cài mới và từ chối cộng lại nhiều hơn số điện thoại thông minh có mặt.");
        assertThat(textOf(over, "flash-error")).isEqualTo(NOT_SAVED);
        assertThat(control(over, "visit-form", "smartphonesPresent")).contains("value=\"2\"", "invalid");
        assertThat(control(over, "visit-form", "installedNow")).contains("value=\"1\"").doesNotContain("invalid");
        assertThat(control(over, "visit-form", "refusalReason")).contains("value=\"Sợ tốn pin\"");
        assertThat(control(over, "visit-form", "branch")).contains("value=\"Chi đoàn thôn Hà Lạc\"");
        // A refusal without its reason: the message is at the reason.
        String noReason = html(mvc.perform(post("/console/campaign/visits/" + id).param("smartphonesPresent", "2")
                .param("refused", "1").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(noReason, "error-refusalReason")).isEqualTo("Hãy ghi lý do từ chối.");
        assertThat(textOf(noReason, "error-smartphonesPresent")).isNull();
        // A typo in a count: at that count.
        String typo = html(mvc.perform(post("/console/campaign/visits/" + id).param("smartphonesPresent", "2")
                .param("installedNow", "1a").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(typo, "error-installedNow")).isNotBlank();
        assertThat(control(typo, "visit-form", "installedNow")).contains("value=\"1a\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_visit").query(Long.class).single()).isEqualTo(visits);
        // The household form on the visits page: a bad member count, the names typed kept.
        String household = html(mvc.perform(post("/console/campaign/households").param("commune", QN)
                .param("villageCode", haLac).param("headName", "Trần Thị Cúc").param("address", "Xóm 3")
                .param("members", "0").param("smartphones", "1").session(xa).with(csrf()))
                .andExpect(status().isBadRequest()));
        assertThat(textOf(household, "error-members")).isNotBlank();
        assertThat(textOf(household, "error-headName")).isNull();
        assertThat(household).contains("value=\"Trần Thị Cúc\"", "value=\"Xóm 3\"");
    }

    @Test
    void placeFormComesBackFilled() throws Exception {
        MockHttpSession xa = login("rf.xa");
        long before = jdbc.sql("SELECT COUNT(*) FROM campaign_place").query(Long.class).single();
        String page = html(mvc.perform(post("/console/campaign/places").param("commune", QN)
                .param("name", "Chợ Quảng Ngạn").param("kind", "EATERY").param("villageCode", haLac)
                .param("contact", "x".repeat(201)).session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(page, "error-contact")).isEqualTo("Có ô nhập quá dài.");
        assertThat(textOf(page, "flash-error")).isEqualTo(NOT_SAVED);
        assertThat(control(page, "place-form", "name")).contains("value=\"Chợ Quảng Ngạn\"");
        assertThat(control(page, "place-form", "contact")).contains("value=\"" + "x".repeat(201) + "\"", "invalid");
        assertThat(page).containsPattern("<option value=\"EATERY\"\\s+selected=\"selected\">")
                .containsPattern("<option value=\"" + haLac + "\" selected=\"selected\">Thôn Hà Lạc</option>");
        String blank = html(mvc.perform(post("/console/campaign/places").param("commune", QN).param("name", " ")
                .param("kind", "MARKET").param("contact", "Bà Hoa, 0912 345 678").session(xa).with(csrf()))
                .andExpect(status().isBadRequest()));
        assertThat(textOf(blank, "error-name")).isEqualTo("Còn thiếu thông tin bắt buộc.");
        assertThat(control(blank, "place-form", "contact")).contains("value=\"Bà Hoa, 0912 345 678\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_place").query(Long.class).single()).isEqualTo(before);
        // In English, the same page in English.
        String en = html(mvc.perform(post("/console/campaign/places").param("commune", QN).param("name", " ")
                .param("kind", "MARKET").param("lang", "en").session(xa).with(csrf()))
                .andExpect(status().isBadRequest()));
        assertThat(textOf(en, "error-name")).doesNotContain("thông tin").isNotBlank();
        // Saved: back to the page (redirect), as before.
        mvc.perform(post("/console/campaign/places").param("commune", QN).param("name", "Chợ Quảng Ngạn")
                        .param("kind", "MARKET").session(login("rf.xa")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/campaign/places?commune=" + QN));
    }

    @Test
    void deskFormComesBackFilled() throws Exception {
        MockHttpSession xa = login("rf.xa");
        String page = html(mvc.perform(post("/console/campaign/desk").param("commune", QN)
                .param("desk", "Quầy số 2").param("procedure", "CIVIL_STATUS").param("installs", "12a")
                .param("day", Formats(clock.today())).session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(page, "error-installs")).isEqualTo("Số người là số nguyên từ 1 đến 500.");
        assertThat(control(page, "desk-form", "desk")).contains("value=\"Quầy số 2\"");
        assertThat(control(page, "desk-form", "installs")).contains("value=\"12a\"", "invalid");
        assertThat(control(page, "desk-form", "day")).contains("value=\"03/12/2026\"");
        assertThat(page).contains("<option value=\"CIVIL_STATUS\" selected=\"selected\">");
        String impossible = html(mvc.perform(post("/console/campaign/desk").param("commune", QN)
                .param("desk", "Quầy số 2").param("procedure", "CIVIL_STATUS").param("installs", "3")
                .param("day", "31/11/2026").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(impossible, "error-day")).isEqualTo("Ngày không hợp lệ (dd/mm/yyyy).");
        assertThat(control(impossible, "desk-form", "day")).contains("value=\"31/11/2026\"");
        assertThat(control(impossible, "desk-form", "installs")).contains("value=\"3\"");
        String future = html(mvc.perform(post("/console/campaign/desk").param("commune", QN)
                .param("desk", "Quầy số 2").param("procedure", "CIVIL_STATUS").param("installs", "3")
                .param("day", Formats(clock.today().plusDays(2))).session(xa).with(csrf()))
                .andExpect(status().isBadRequest()));
        assertThat(textOf(future, "error-day")).startsWith("Chỉ ghi được một ngày trong 31 ngày qua");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_desk_entry").query(Long.class).single()).isZero();
    }

    static String Formats(LocalDate d) {
        return vn.bluezone.server.console.Formats.format(d);
    }

    @Test
    void referrerFormComesBackFilled() throws Exception {
        String page = html(mvc.perform(post("/console/campaign/referrals").param("commune", QN)
                .param("displayName", "Bà Lê Thị Mai").param("referralCode", "NOPE 123")
                .param("villageCode", haLac).param("organisation", "Hội Phụ nữ xã")
                .session(login("rf.xa")).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(page, "error-referralCode")).startsWith("Không có máy nào được cấp mã giới thiệu này");
        assertThat(control(page, "referrer-form", "displayName")).contains("value=\"Bà Lê Thị Mai\"");
        assertThat(control(page, "referrer-form", "referralCode")).contains("value=\"NOPE 123\"", "invalid");
        assertThat(control(page, "referrer-form", "organisation")).contains("value=\"Hội Phụ nữ xã\"");
        assertThat(control(page, "referrer-form", "hasTarget")).doesNotContain("checked"); // left unticked
        assertThat(page).contains("<option value=\"" + haLac + "\" selected=\"selected\">Thôn Hà Lạc</option>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_referrer").query(Long.class).single()).isZero();
    }

    @Test
    void taskAndProgressFormsComeBackFilled() throws Exception {
        LocalDate today = clock.today();
        Directive d = directives.create(QN, "21/KH-UBND", today.minusDays(2), "UBND xã Quảng Ngạn",
                "Cài đặt Bluezone", "Giao nhiệm vụ.", List.of(), "test");
        Task t = directives.addTask(d.id(), new NewTask("POLICE", "", "Kiểm tra người cách ly", today.plusDays(3)));
        MockHttpSession xa = login("rf.xa");
        String early = html(mvc.perform(post("/console/campaign/directives/" + d.id() + "/tasks")
                .param("body", "WOMEN_UNION").param("assignee", "Chi hội Hà Lạc").param("title", "Vận động hội viên")
                .param("deadline", Formats(today.minusDays(10))).session(xa).with(csrf()))
                .andExpect(status().isBadRequest()));
        assertThat(textOf(early, "error-deadline")).isEqualTo("Hạn của nhiệm vụ trước ngày ban hành văn bản.");
        assertThat(control(early, "task-form", "title")).contains("value=\"Vận động hội viên\"");
        assertThat(control(early, "task-form", "assignee")).contains("value=\"Chi hội Hà Lạc\"");
        assertThat(control(early, "task-form", "deadline")).contains("value=\"" + Formats(today.minusDays(10)) + "\"");
        assertThat(early).contains("<option value=\"WOMEN_UNION\" selected=\"selected\">");
        String impossible = html(mvc.perform(post("/console/campaign/directives/" + d.id() + "/tasks")
                .param("body", "WOMEN_UNION").param("title", "Vận động hội viên").param("deadline", "31/02/2027")
                .session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(impossible, "error-deadline")).isEqualTo("Ngày không hợp lệ (dd/mm/yyyy).");
        assertThat(directives.progress(d.id()).tasks()).hasSize(1);

        String form = "progress-form-" + t.id();
        String over = html(mvc.perform(post("/console/campaign/tasks/" + t.id() + "/updates").param("progress", "150")
                .param("note", "Đã kiểm tra 12/15 người").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(over, "error-progress-" + t.id())).isEqualTo("Tiến độ là phần trăm từ 0 đến 100.");
        assertThat(control(over, form, "progress")).contains("value=\"150\"", "invalid");
        assertThat(control(over, form, "note")).contains("value=\"Đã kiểm tra 12/15 người\"");
        String noNote = html(mvc.perform(post("/console/campaign/tasks/" + t.id() + "/updates").param("progress", "80")
                .param("note", "").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(noNote, "error-note-" + t.id())).isEqualTo("Còn thiếu thông tin bắt buộc.");
        assertThat(control(noNote, form, "progress")).contains("value=\"80\"");
        assertThat(directives.updates(t.id())).isEmpty();
    }

    @Test
    void cohortFormsComeBackFilled() throws Exception {
        LocalDate today = clock.today();
        MockHttpSession xa = login("rf.xa");
        // Registration (done before this session): still filled after one bad phone number.
        String reg = html(mvc.perform(post("/console/campaign/cohorts").param("commune", QN)
                .param("fullName", "Trần Thị Bình").param("phone", "12345").param("idNumber", "046123456789")
                .param("villageCode", haLac).param("address", "Xóm 2, thôn Hà Lạc").param("cohort", "HOME_QUARANTINE")
                .param("startDate", Formats(today)).param("endDate", Formats(today.plusDays(14)))
                .session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(reg, "error-phone")).isNotBlank();
        assertThat(control(reg, "person-form", "fullName")).contains("value=\"Trần Thị Bình\"");
        assertThat(control(reg, "person-form", "address")).contains("value=\"Xóm 2, thôn Hà Lạc\"");
        // Verification by install code: an unknown code comes back in its row, next to its field.
        CohortPerson p = cohorts.register(QN, new NewPerson("Lê Văn Hùng", "0987654321", null, haLac, "Xóm 1",
                "HOME_QUARANTINE", today, today.plusDays(14)), "test");
        String page = html(mvc.perform(post("/console/campaign/cohorts/" + p.id() + "/verify")
                .param("installCode", "ABCD-1234").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(page, "error-installCode-" + p.id())).isEqualTo("Không có máy nào mang mã cài đặt này.");
        assertThat(control(page, "verify-form-" + p.id(), "installCode")).contains("value=\"ABCD-1234\"", "invalid");
        assertThat(cohorts.find(p.id()).verifiedAt()).isNull();
    }

    @Test
    void visitFormKeepsItsCounts() throws Exception {
        long h = households.add(QN, haLac, "Nguyễn Văn An", "Xóm 1", 4, 3, "test").id();
        String page = html(mvc.perform(post("/console/campaign/visits/" + h).param("visitedOn", Formats(clock.today()))
                .param("branch", "Chi đoàn Hà Lạc").param("smartphonesPresent", "2").param("alreadyInstalled", "1")
                .param("installedNow", "2").param("refused", "1").param("refusalReason", "Không muốn cài")
                .param("note", "").session(login("rf.xa")).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(page).containsPattern("id=\"installedNow\"[^>]*value=\"2\"|value=\"2\"[^>]*id=\"installedNow\"")
                .contains("value=\"Không muốn cài\"", "value=\"Chi đoàn Hà Lạc\"");
        assertThat(households.visits(h)).isEmpty();
    }

    @Test
    void statisticsFormsComeBackFilled() throws Exception {
        MockHttpSession xa = login("rf.xa");
        String village = html(mvc.perform(post("/console/statistics/" + QN + "/villages").param("kind", "to-dan-pho")
                .param("name", "Trung Đông <1>").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(village, "error-name")).startsWith("Tên gồm 1 đến 100 chữ");
        assertThat(control(village, "village-form", "name")).contains("value=\"Trung Đông &lt;1&gt;\"");
        assertThat(village).contains("<option value=\"to-dan-pho\" selected=\"selected\">");
        String twice = html(mvc.perform(post("/console/statistics/" + QN + "/villages").param("kind", "thon")
                .param("name", "Hà Lạc").session(xa).with(csrf())).andExpect(status().isConflict()));
        assertThat(textOf(twice, "error-name")).isEqualTo("Xã đã có một thôn, tổ dân phố mang tên này.");

        String figure = html(mvc.perform(post("/console/statistics/" + QN + "/denominators")
                .param("kind", "HOUSEHOLDS").param("amount", "1.2a4").param("asOf", "01/06/2026")
                .param("source", "UBND xã").session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(figure, "error-amount")).startsWith("Số liệu là một số nguyên");
        assertThat(control(figure, "figure-form", "amount")).contains("value=\"1.2a4\"");
        assertThat(control(figure, "figure-form", "asOf")).contains("value=\"01/06/2026\"");
        assertThat(control(figure, "figure-form", "source")).contains("value=\"UBND xã\"");
        assertThat(figure).contains("<option value=\"HOUSEHOLDS\" selected=\"selected\">");
        String day = html(mvc.perform(post("/console/statistics/" + QN + "/denominators")
                .param("kind", "POPULATION").param("amount", "5.000").param("asOf", "31/11/2025")
                .session(xa).with(csrf())).andExpect(status().isBadRequest()));
        assertThat(textOf(day, "error-asOf")).isEqualTo("Không phải một ngày có thật (dd/mm/yyyy).");
        assertThat(control(day, "figure-form", "amount")).contains("value=\"5.000\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM denominator WHERE unit_code = ?").param(QN).query(Long.class)
                .single()).isZero();
    }

    @Test
    void officialsAboveTheCommuneChooseOneWithinTheirArea() throws Exception {
        MockHttpSession district = login("rf.huyen");
        for (String page : List.of("places", "desk", "referrals", "radio", "visits", "cohorts")) {
            String choice = html(mvc.perform(get("/console/campaign/" + page).session(district))
                    .andExpect(status().isOk()));
            assertThat(choice).as(page).contains("id=\"commune-choice\"", "Huyện Quảng Điền",
                    "<option value=\"" + QN + "\">Xã Quảng Ngạn</option>").doesNotContain(TAY_LOC, "Tây Lộc");
            // The chosen commune leads to the page for it.
            mvc.perform(get("/console/campaign/" + page).param("communeProvince", "46")
                            .param("communeDistrict", "477").param("communeCommune", QN).session(district))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/console/campaign/" + page + "?commune=" + QN));
        }
        assertThat(html(mvc.perform(get("/console/campaign/places").param("commune", QN).session(district))
                .andExpect(status().isOk()))).contains("id=\"place-form\"", "Xã Quảng Ngạn");
        // Submitted without a commune: the picker again, saying what is missing.
        String none = html(mvc.perform(get("/console/campaign/places").param("communeProvince", "46")
                .param("communeDistrict", "477").param("communeCommune", "").session(district))
                .andExpect(status().isOk()));
        assertThat(textOf(none, "error-commune")).isEqualTo("Hãy chọn đến cấp xã, phường, thị trấn.");
        // Never a commune outside the area, however it is asked for.
        mvc.perform(get("/console/campaign/places").param("communeCommune", TAY_LOC).session(district))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/campaign/places").param("communeProvince", "46").param("communeDistrict", "474")
                .param("communeCommune", TAY_LOC).session(district)).andExpect(status().isForbidden());
        mvc.perform(get("/console/campaign/places").param("commune", TAY_LOC).session(district))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/campaign/places").param("commune", "474").session(district))
                .andExpect(status().isForbidden());

        // A province chooses the district first; without JavaScript the "next" button fills the communes.
        MockHttpSession province = login("rf.tinh");
        String p = html(mvc.perform(get("/console/campaign/desk").session(province)).andExpect(status().isOk()));
        assertThat(p).contains("name=\"communeDistrict\"", "<option value=\"477\">Huyện Quảng Điền</option>")
                .doesNotContain("Phúc Xá");
        String next = html(mvc.perform(get("/console/campaign/desk").param("communeProvince", "46")
                .param("communeDistrict", "477").param("pick", "1").session(province)).andExpect(status().isOk()));
        assertThat(next).contains("<option value=\"" + QN + "\">Xã Quảng Ngạn</option>");
        assertThat(textOf(next, "error-commune")).isNull();
        assertThat(html(mvc.perform(get("/console/campaign/desk").param("commune", "477").session(province))
                .andExpect(status().isOk()))).contains("id=\"commune-choice\"", "selected=\"selected\">Huyện Quảng Điền");
        // The country level starts from the provinces, in English too.
        String country = html(mvc.perform(get("/console/campaign/referrals").param("lang", "en")
                .session(login("rf.quocgia"))).andExpect(status().isOk()));
        assertThat(country).contains("id=\"commune-choice\"", "choose a commune", "Thành phố Hà Nội");
        mvc.perform(get("/console/campaign/referrals").param("communeProvince", "01").param("communeDistrict", "001")
                        .param("communeCommune", PHUC_XA).session(login("rf.quocgia")))
                .andExpect(redirectedUrl("/console/campaign/referrals?commune=" + PHUC_XA));
    }

    static final String REQUIRED = "Còn thiếu thông tin bắt buộc.";
    static final String TOO_LONG = "Có ô nhập quá dài.";

    /** A form's valid values, one of them spoilt per case; a value list with no element leaves the field out. */
    record Form(String path, Map<String, List<String>> values) {
        static Form of(String path, Object... pairs) {
            Map<String, List<String>> v = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                v.put((String) pairs[i], pairs[i + 1] instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(pairs[i + 1])));
            }
            return new Form(path, v);
        }

        Form with(String name, String... value) {
            Map<String, List<String>> v = new LinkedHashMap<>(values);
            v.put(name, List.of(value));
            return new Form(path, v);
        }

        MockHttpServletRequestBuilder post() {
            MockHttpServletRequestBuilder b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post(path);
            values.forEach((name, v) -> {
                if (!v.isEmpty()) {
                    b.param(name, v.toArray(String[]::new));
                }
            });
            return b;
        }
    }

    /**
     * Each check a campaign service or page makes on one field, through its console form: the message is in the
     * element next to that field, and in no other (not at the top of the form, not next to another field). The
     * field comes from the refusal itself ({@code DomainException.field()}), never from its English words, so
     * rewording a message cannot move it; a new check without a field would land at the top and fail here.
     */
    @Test
    void everyFieldCheckIsShownNextToItsField() throws Exception {
        MockHttpSession xa = login("rf.xa");
        LocalDate today = clock.today();
        String day = Formats(today);
        String code = devices.register(new DeviceRegistration("android", "1.0.0", null, QN, null, null, null))
                .referralCode();
        Directive d = directives.create(QN, "22/KH-UBND", today.minusDays(2), "UBND xã Quảng Ngạn",
                "Cài đặt Bluezone", "", List.of(), "test");
        Task t = directives.addTask(d.id(), new NewTask("POLICE", "", "Kiểm tra", today.plusDays(3)));
        long h = households.add(QN, haLac, "Phạm Văn Dũng", "Xóm 4", 3, 1, "test").id();
        long template = radio.addTemplate(QN, "Tin sáng", "Xin chào {don_vi}.", "test").id();
        String x201 = "x".repeat(201);
        String saved = "SELECT (SELECT COUNT(*) FROM campaign_place) + (SELECT COUNT(*) FROM campaign_referrer)"
                + " + (SELECT COUNT(*) FROM campaign_directive) + (SELECT COUNT(*) FROM campaign_cohort_person)"
                + " + (SELECT COUNT(*) FROM campaign_household) + (SELECT COUNT(*) FROM campaign_desk_entry)"
                + " + (SELECT COUNT(*) FROM campaign_radio_template) + (SELECT COUNT(*) FROM campaign_radio_slot)"
                + " + (SELECT COUNT(*) FROM campaign_task) + (SELECT COUNT(*) FROM campaign_task_update)"
                + " + (SELECT COUNT(*) FROM campaign_visit)";
        long before = jdbc.sql(saved).query(Long.class).single();

        Form place = Form.of("/console/campaign/places", "commune", QN, "name", "Chợ", "kind", "MARKET",
                "villageCode", haLac, "contact", "Bà Hoa");
        Form person = Form.of("/console/campaign/cohorts", "commune", QN, "fullName", "Trần Văn Nam",
                "phone", "0912345678", "idNumber", "046123456789", "villageCode", haLac, "address", "Xóm 2",
                "cohort", "HOME_QUARANTINE", "startDate", day, "endDate", Formats(today.plusDays(14)));
        // Two task rows, the first left empty: the service counts the second as task 0.
        Form directive = Form.of("/console/campaign/directives", "unitCommune", QN, "number", "30/KH-UBND",
                "issuedOn", Formats(today.minusDays(1)), "issuingBody", "UBND xã", "subject", "Cài đặt",
                "text", "Giao nhiệm vụ.", "taskBody", List.of("POLICE", "OTHER"), "taskAssignee", List.of("", ""),
                "taskTitle", List.of("", "Nhiệm vụ"), "taskDeadline", List.of("", Formats(today.plusDays(3))));
        Form task = Form.of("/console/campaign/directives/" + d.id() + "/tasks", "body", "POLICE", "assignee", "",
                "title", "Nhiệm vụ", "deadline", Formats(today.plusDays(3)));
        Form progress = Form.of("/console/campaign/tasks/" + t.id() + "/updates", "progress", "50",
                "note", "Đã làm");
        Form household = Form.of("/console/campaign/households", "commune", QN, "villageCode", haLac,
                "headName", "Lê Văn Em", "address", "Xóm 5", "members", "4", "smartphones", "2");
        Form visit = Form.of("/console/campaign/visits/" + h, "visitedOn", day, "branch", "Chi đoàn",
                "smartphonesPresent", "1", "alreadyInstalled", "0", "installedNow", "1", "refused", "0",
                "refusalReason", "", "note", "");
        Form desk = Form.of("/console/campaign/desk", "commune", QN, "desk", "Quầy 1", "procedure", "CIVIL_STATUS",
                "installs", "3", "day", day);
        Form referrer = Form.of("/console/campaign/referrals", "commune", QN, "displayName", "Bà Mai",
                "referralCode", code, "villageCode", haLac, "organisation", "Hội Phụ nữ", "hasTarget", "true");
        Form radioTemplate = Form.of("/console/campaign/radio/templates", "commune", QN, "title", "Tin",
                "body", "Xin chào {don_vi}.");
        Form slot = Form.of("/console/campaign/radio/slots", "commune", QN, "templateId", template,
                "subject", haLac, "weekday", List.of(1, 3), "airTime", "06:30", "location", "Loa");

        record Case(Form form, String element, String message) {
        }
        List<Case> cases = List.of(
                new Case(place.with("name", " "), "error-name", REQUIRED),
                new Case(place.with("name", x201), "error-name", TOO_LONG),
                new Case(place.with("contact", x201), "error-contact", TOO_LONG),
                new Case(place.with("villageCode", "x".repeat(17)), "error-villageCode", TOO_LONG),
                new Case(place.with("villageCode", QN), "error-villageCode", null),
                new Case(place.with("kind", "CASTLE"), "error-kind", null),
                new Case(person.with("fullName", " "), "error-fullName", REQUIRED),
                new Case(person.with("fullName", x201), "error-fullName", TOO_LONG),
                new Case(person.with("phone", "12345"), "error-phone", null),
                new Case(person.with("idNumber", "1".repeat(21)), "error-idNumber", TOO_LONG),
                new Case(person.with("idNumber", "123"), "error-idNumber", null),
                new Case(person.with("villageCode", QN), "error-villageCode", null),
                new Case(person.with("address", "x".repeat(501)), "error-address", TOO_LONG),
                new Case(person.with("cohort", "NOPE"), "error-cohort", null),
                new Case(person.with("startDate", ""), "error-startDate", REQUIRED),
                new Case(person.with("startDate", "31/02/2026"), "error-startDate", null),
                new Case(person.with("endDate", ""), "error-endDate", REQUIRED),
                new Case(person.with("endDate", Formats(today.minusDays(1))), "error-endDate", null),
                new Case(directive.with("number", " "), "error-number", REQUIRED),
                new Case(directive.with("number", "x".repeat(65)), "error-number", TOO_LONG),
                new Case(directive.with("issuedOn", ""), "error-issuedOn", REQUIRED),
                new Case(directive.with("issuedOn", Formats(today.plusDays(2))), "error-issuedOn", null),
                new Case(directive.with("issuingBody", " "), "error-issuingBody", REQUIRED),
                new Case(directive.with("subject", "x".repeat(501)), "error-subject", TOO_LONG),
                new Case(directive.with("text", "x".repeat(20_001)), "error-text", TOO_LONG),
                new Case(directive.with("taskTitle", "", "x".repeat(1001)), "error-taskTitle-1", TOO_LONG),
                new Case(directive.with("taskDeadline", "", Formats(today.minusDays(5))), "error-taskDeadline-1",
                        "Hạn của nhiệm vụ trước ngày ban hành văn bản."),
                new Case(directive.with("taskAssignee", "", x201), "error-tasks", TOO_LONG),
                new Case(directive.with("taskBody", "POLICE", "NOPE"), "error-tasks", null),
                new Case(task.with("title", " "), "error-title", REQUIRED),
                new Case(task.with("title", "x".repeat(1001)), "error-title", TOO_LONG),
                new Case(task.with("assignee", x201), "error-assignee", TOO_LONG),
                new Case(task.with("body", "NOPE"), "error-body", null),
                new Case(task.with("deadline", ""), "error-deadline", REQUIRED),
                new Case(progress.with("note", "x".repeat(2001)), "error-note-" + t.id(), TOO_LONG),
                new Case(progress.with("progress", "abc"), "error-progress-" + t.id(), null),
                new Case(household.with("headName", " "), "error-headName", REQUIRED),
                new Case(household.with("headName", x201), "error-headName", TOO_LONG),
                new Case(household.with("address", "x".repeat(501)), "error-address", TOO_LONG),
                new Case(household.with("villageCode", QN), "error-villageCode", null),
                new Case(visit.with("branch", x201), "error-branch", TOO_LONG),
                new Case(visit.with("note", "x".repeat(1001)), "error-note", TOO_LONG),
                new Case(visit.with("refused", "1").with("installedNow", "0")
                        .with("refusalReason", "x".repeat(501)), "error-refusalReason", TOO_LONG),
                new Case(visit.with("visitedOn", "31/02/2026"), "error-visitedOn", null),
                new Case(desk.with("desk", " "), "error-desk", REQUIRED),
                new Case(desk.with("desk", x201), "error-desk", TOO_LONG),
                new Case(desk.with("procedure", "NOPE"), "error-procedure", null),
                new Case(desk.with("installs", "0"), "error-installs", null),
                new Case(referrer.with("displayName", " "), "error-displayName", REQUIRED),
                new Case(referrer.with("displayName", x201), "error-displayName", TOO_LONG),
                new Case(referrer.with("organisation", x201), "error-organisation", TOO_LONG),
                new Case(referrer.with("villageCode", "x".repeat(17)), "error-villageCode", TOO_LONG),
                new Case(referrer.with("villageCode", QN), "error-villageCode", null),
                new Case(referrer.with("referralCode", "NOPE 123"), "error-referralCode", null),
                new Case(radioTemplate.with("title", " "), "error-title", REQUIRED),
                new Case(radioTemplate.with("title", x201), "error-title", TOO_LONG),
                new Case(radioTemplate.with("body", "{khong_co}"), "error-body", null),
                new Case(slot.with("location", " "), "error-location", REQUIRED),
                new Case(slot.with("location", x201), "error-location", TOO_LONG),
                new Case(slot.with("weekday"), "error-weekday", null),
                new Case(slot.with("weekday", "9"), "error-weekday", null),
                new Case(slot.with("airTime", ""), "error-airTime", null),
                new Case(slot.with("airTime", "25:99"), "error-airTime", null),
                new Case(slot.with("templateId", "987654321"), "error-templateId", null),
                new Case(slot.with("subject", "19876"), "error-subject", null));
        for (Case c : cases) {
            String what = c.form().path() + " with " + c.element();
            var answer = mvc.perform(c.form().post().session(xa).with(csrf())).andReturn().getResponse();
            assertThat(answer.getStatus()).as(what).isIn(400, 409);
            Map<String, String> shown = fieldErrors(answer.getContentAsString(StandardCharsets.UTF_8));
            assertThat(shown.keySet()).as(what + ": the only message, at its field").containsExactly(c.element());
            if (c.message() != null) {
                assertThat(shown.get(c.element())).as(what).isEqualTo(c.message());
            } else {
                assertThat(shown.get(c.element())).as(what).isNotBlank();
            }
        }
        // Nothing was saved by any of them.
        assertThat(jdbc.sql(saved).query(Long.class).single()).isEqualTo(before);
        assertThat(directives.progress(d.id()).tasks()).hasSize(1);
        assertThat(households.visits(h)).isEmpty();
    }
}
