package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.household.Household;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.radio.RadioService;
import vn.bluezone.server.campaign.radio.RadioTemplate;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.TestDatabase;

/**
 * The console forms that complete the campaign's APIs (directive with tasks, task, radio template and schedule,
 * household, CSV import) and the pages' languages: each form saves through the page with CSRF, refuses bad input
 * with a message in the reader's language, and is 403 outside the official's role or area.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignFormsTest {
    static final String QN = "19873"; // Xã Quảng Ngạn
    static final String QC = "19876"; // Xã Quảng Công
    static final String PW = "campaign-forms-pw";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired CampaignClock clock;
    @Autowired DirectiveService directives;
    @Autowired RadioService radio;
    @Autowired HouseholdService households;

    String haLac;
    String tanMy;

    @BeforeAll
    void setUp() {
        haLac = villages.create(QN, "thon", "Hà Lạc", "test").code();
        tanMy = villages.create(QN, "thon", "Tân Mỹ", "test").code();
        villages.create(QC, "thon", "Cương Giáng", "test");
        accounts.create("test", "xa.qn", "UBND xã Quảng Ngạn", Role.COMMUNE, QN, PW, false);
        accounts.create("test", "xa.qc", "UBND xã Quảng Công", Role.COMMUNE, QC, PW, false);
        accounts.create("test", "tnv.qn", "Đoàn viên Hà Lạc", Role.VOLUNTEER, QN, PW, false);
        accounts.create("test", "huyen.qd", "UBND huyện Quảng Điền", Role.DISTRICT, "477", PW, false);
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletRequestBuilder directiveForm(String unit, String number, LocalDate issued, List<String> titles,
            List<String> deadlines) {
        // As the area picker posts the issuing unit: in the select of its level.
        String level = unit.length() == 2 ? "unitProvince" : unit.length() == 3 ? "unitDistrict" : "unitCommune";
        return post("/console/campaign/directives").param(level, unit).param("number", number)
                .param("issuedOn", issued.toString()).param("issuingBody", "UBND xã Quảng Ngạn")
                .param("subject", "Đẩy mạnh cài đặt Bluezone").param("text", "Giao nhiệm vụ cho các đoàn thể.")
                .param("taskBody", "YOUTH_UNION", "POLICE", "OTHER", "OTHER")
                .param("taskAssignee", "Chi đoàn Hà Lạc", "", "", "")
                .param("taskTitle", titles.toArray(String[]::new))
                .param("taskDeadline", deadlines.toArray(String[]::new));
    }

    @Test
    void directiveWithTasksThroughTheForm() throws Exception {
        MockHttpSession xa = login("xa.qn");
        LocalDate today = clock.today();
        assertThat(html(mvc.perform(get("/console/campaign/directives").session(xa)).andExpect(status().isOk())
                .andReturn())).contains("id=\"directive-form\"", "Ghi nhận văn bản chỉ đạo");

        MvcResult saved = mvc.perform(directiveForm(QN, "12/KH-UBND", today.minusDays(3),
                        List.of("Đến từng nhà hướng dẫn cài đặt", "Kiểm tra người cách ly", "", ""),
                        List.of(today.plusDays(5).toString(), today.minusDays(1).toString(), "", ""))
                        .session(xa).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/campaign/directives/*"))
                .andExpect(flash().attribute("info", "Đã ghi nhận văn bản 12/KH-UBND.")).andReturn();
        Directive d = directives.directivesWithin(QN).stream().filter(x -> x.number().equals("12/KH-UBND"))
                .findFirst().orElseThrow();
        assertThat(saved.getResponse().getRedirectedUrl()).endsWith("/" + d.id());
        assertThat(directives.progress(d.id()).tasks()).hasSize(2)
                .anySatisfy(t -> assertThat(t.task().assignee()).isEqualTo("Chi đoàn Hà Lạc"));
        assertThat(directives.overdue(QN)).extracting(o -> o.task().title()).containsExactly("Kiểm tra người cách ly");
        String detail = html(mvc.perform(get("/console/campaign/directives/" + d.id()).session(xa))
                .andExpect(status().isOk()).andReturn());
        assertThat(detail).contains("Đoàn Thanh niên – Chi đoàn Hà Lạc", "Quá hạn", "id=\"task-form\"");

        // Another task from the directive's page.
        mvc.perform(post("/console/campaign/directives/" + d.id() + "/tasks").param("body", "HEALTH_STATION")
                        .param("title", "Hướng dẫn người cần xét nghiệm").param("deadline", today.plusDays(2).toString())
                        .session(xa).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("info", "Đã giao nhiệm vụ."));
        assertThat(directives.progress(d.id()).tasks()).hasSize(3);
        mvc.perform(post("/console/campaign/directives/" + d.id() + "/tasks").param("body", "HEALTH_STATION")
                        .param("title", "Sai hạn").param("deadline", today.minusDays(30).toString())
                        .session(xa).with(csrf()))
                .andExpect(status().isBadRequest()) // the form back with what was typed (RefusedFormsPagesTest)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Hạn của nhiệm vụ trước ngày ban hành văn bản.")));

        // Bad input: the page comes back (400) with the message and what was typed; nothing is saved.
        int before = directives.directivesWithin(QN).size();
        String incomplete = html(mvc.perform(directiveForm(QN, "13/KH-UBND", today.minusDays(1),
                        List.of("Một nhiệm vụ không có hạn", "", "", ""), List.of("", "", "", ""))
                        .session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(incomplete).contains("Mỗi nhiệm vụ cần có cả tên và hạn.", "value=\"13/KH-UBND\"",
                "value=\"Một nhiệm vụ không có hạn\"", "id=\"error-taskDeadline-0\"");
        String early = html(mvc.perform(directiveForm(QN, "14/KH-UBND", today.minusDays(1),
                        List.of("Hạn trước ngày ban hành", "", "", ""),
                        List.of(today.minusDays(5).toString(), "", "", "")).session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        // At the deadline of its row (the service names it tasks[0].deadline; RefusedFormsPagesTest for more).
        assertThat(early).contains("Hạn của nhiệm vụ trước ngày ban hành văn bản.", "id=\"error-taskDeadline-0\"");
        mvc.perform(directiveForm(QN, "12/KH-UBND", today, List.of("", "", "", ""), List.of("", "", "", ""))
                .session(xa).with(csrf())).andExpect(status().isBadRequest());
        assertThat(directives.directivesWithin(QN)).hasSize(before);

        // Scope: another commune, a volunteer, a task of another commune's directive, and no CSRF token.
        MockHttpSession neighbour = login("xa.qc");
        mvc.perform(directiveForm(QN, "15/KH-UBND", today, List.of("", "", "", ""), List.of("", "", "", ""))
                .session(neighbour).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(directiveForm(QN, "16/KH-UBND", today, List.of("", "", "", ""), List.of("", "", "", ""))
                .session(login("tnv.qn")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaign/directives/" + d.id() + "/tasks").param("body", "POLICE")
                .param("title", "x").param("deadline", today.toString()).session(neighbour).with(csrf()))
                .andExpect(status().isNotFound()); // another commune's directive: as a missing one (issue 15 §4)
        mvc.perform(directiveForm(QN, "17/KH-UBND", today, List.of("", "", "", ""), List.of("", "", "", ""))
                .session(xa)).andExpect(status().isForbidden());
        assertThat(directives.directivesWithin(QN)).hasSize(before);
        // The district records one for itself and sees the commune's.
        MockHttpSession district = login("huyen.qd");
        mvc.perform(directiveForm("477", "07/UBND", today, List.of("", "", "", ""), List.of("", "", "", ""))
                .session(district).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(directives.directivesWithin("477")).extracting(Directive::number).contains("07/UBND", "12/KH-UBND");
    }

    @Test
    void radioTemplateAndScheduleThroughTheForms() throws Exception {
        MockHttpSession xa = login("xa.qn");
        String page = html(mvc.perform(get("/console/campaign/radio").session(xa)).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("id=\"template-form\"", "{ty_le}", "tỷ lệ cài đặt trên dân số");

        mvc.perform(post("/console/campaign/radio/templates").param("commune", QN)
                        .param("title", "Tin sáng các thôn")
                        .param("body", "Tính đến ngày {ngay}, {don_vi} có {so_cai_dat} người cài đặt Bluezone.")
                        .session(xa).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("info", "Đã lưu bài mẫu “Tin sáng các thôn”."));
        RadioTemplate t = radio.templatesFor(QN).stream().filter(x -> x.title().equals("Tin sáng các thôn"))
                .findFirst().orElseThrow();
        assertThat(t.unitCode()).isEqualTo(QN);

        String refused = html(mvc.perform(post("/console/campaign/radio/templates").param("commune", QN)
                        .param("title", "Bài có lỗi").param("body", "{don_vi} có {khong_co_so_nay} người.")
                        .session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains("Bài mẫu có số liệu tự điền không tồn tại", "value=\"Bài có lỗi\"",
                "{khong_co_so_nay}", "id=\"error-body\"");
        assertThat(radio.templatesFor(QN)).noneMatch(x -> x.title().equals("Bài có lỗi"));

        // The schedule form with the new template: today's schedule shows it with the village's figures.
        mvc.perform(post("/console/campaign/radio/slots").param("commune", QN).param("templateId", "" + t.id())
                        .param("subject", haLac).param("weekday", "1", "2", "3", "4", "5", "6", "7")
                        .param("airTime", "06:30")
                        .param("location", "Loa thôn Hà Lạc").session(xa).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("info", "Đã thêm vào lịch."));
        assertThat(html(mvc.perform(get("/console/campaign/radio").session(xa)).andReturn()))
                .contains("06:30 · Loa thôn Hà Lạc · Tin sáng các thôn", "Thôn Hà Lạc có 0 người cài đặt Bluezone.");
        assertThat(html(mvc.perform(post("/console/campaign/radio/slots").param("commune", QN)
                        .param("templateId", "" + t.id()).param("subject", haLac).param("weekday", "9")
                        .param("airTime", "06:30").param("location", "Loa").session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn()))
                .contains("Hãy chọn các ngày phát (Thứ 2 … Chủ nhật).", "id=\"error-weekday\"");

        MockHttpSession neighbour = login("xa.qc");
        mvc.perform(post("/console/campaign/radio/templates").param("commune", QN).param("title", "x")
                .param("body", "y").session(neighbour).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaign/radio/slots").param("commune", QN).param("templateId", "" + t.id())
                .param("weekday", "1").param("airTime", "07:00").param("location", "x").session(neighbour)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaign/radio/templates").param("commune", QN).param("title", "x")
                .param("body", "y").session(login("tnv.qn")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void householdsAddedAndImportedThroughTheForms() throws Exception {
        MockHttpSession volunteer = login("tnv.qn");
        String page = html(mvc.perform(get("/console/campaign/visits").session(volunteer)).andReturn());
        assertThat(page).contains("id=\"household-form\"").doesNotContain("id=\"import-form\"");

        mvc.perform(post("/console/campaign/households").param("commune", QN).param("villageCode", tanMy)
                        .param("headName", "Hoàng Văn Dũng").param("address", "Xóm 3, thôn Tân Mỹ")
                        .param("members", "5").param("smartphones", "2").session(volunteer).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/campaign/visits?commune=" + QN + "&village=" + tanMy))
                .andExpect(flash().attribute("info", "Đã thêm hộ Hoàng Văn Dũng."));
        assertThat(households.inVillage(tanMy)).extracting(Household::headName).contains("Hoàng Văn Dũng");
        String bad = html(mvc.perform(post("/console/campaign/households").param("commune", QN)
                        .param("villageCode", tanMy).param("headName", "Trần Thị Em").param("address", "Xóm 4")
                        .param("members", "0").param("smartphones", "1").session(volunteer).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(bad).contains("Số lượng không hợp lệ", "value=\"Trần Thị Em\"");
        mvc.perform(post("/console/campaign/households").param("commune", QN).param("villageCode", tanMy)
                .param("headName", "x").param("address", "y").param("members", "1").param("smartphones", "1")
                .session(login("xa.qc")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaign/households").param("commune", QN).param("villageCode", tanMy)
                .param("headName", "x").param("address", "y").param("members", "1").param("smartphones", "1")
                .session(volunteer)).andExpect(status().isForbidden());

        // CSV import: every bad row is listed with its row number, in Vietnamese, and nothing is imported.
        MockHttpSession xa = login("xa.qn");
        assertThat(html(mvc.perform(get("/console/campaign/visits").session(xa)).andReturn()))
                .contains("id=\"import-form\"");
        int before = households.inCommune(QN).size();
        String csv = "thon,chu_ho,dia_chi,nhan_khau,dien_thoai_thong_minh\n"
                + "Hà Lạc,Nguyễn Văn An,Xóm 1,4,2\n"
                + "Thôn Không Có,Lê Thị Bé,Xóm 2,3,1\n"
                + "ha lac,,Xóm 3,5,2\n"
                + "Tân Mỹ,Phạm Văn Cường,Xóm 4,nhiều,1\n";
        String rejected = html(mvc.perform(multipart("/console/campaign/households/import")
                        .file(new MockMultipartFile("file", "ho.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("commune", QN).session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(rejected).contains("Không nhập gì cả: tệp có 3 dòng sai.",
                "Dòng 3: “Thôn Không Có” không phải là thôn, tổ dân phố của xã",
                "Dòng 4: thiếu chủ hộ", "Dòng 5: nhân khẩu “nhiều” phải là số nguyên");
        assertThat(households.inCommune(QN)).hasSize(before);
        String latin1 = html(mvc.perform(multipart("/console/campaign/households/import")
                        .file(new MockMultipartFile("file", "ho.csv", "text/csv",
                                "thon,chu_ho\nHà Lạc,Lê\n".getBytes(StandardCharsets.ISO_8859_1)))
                        .param("commune", QN).session(xa).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(latin1).contains("Không đọc được tệp: hãy lưu dưới dạng CSV UTF-8.");

        String good = "thon;chu_ho;dia_chi;nhan_khau;dien_thoai_thong_minh\nHà Lạc;Nguyễn Văn An;Xóm 1;4;2\n"
                + "Thôn Tân Mỹ;Phạm Văn Cường;Xóm 4;5;1\n";
        mvc.perform(post("/console/campaign/households/import").param("commune", QN).param("csv", good)
                        .session(xa).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("info", "Đã nhập 2 hộ."));
        assertThat(households.inCommune(QN)).hasSize(before + 2);
        mvc.perform(post("/console/campaign/households/import").param("commune", QN).param("csv", good)
                .session(volunteer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaign/households/import").param("commune", QN).param("csv", good)
                .session(login("xa.qc")).with(csrf())).andExpect(status().isForbidden());
        assertThat(households.inCommune(QN)).hasSize(before + 2);
    }

    @Test
    void everyPageSpeaksVietnameseByDefaultAndEnglishOnRequest() throws Exception {
        MockHttpSession xa = login("xa.qn");
        List<String> pages = List.of("/console/campaign", "/console/campaign/visits", "/console/campaign/cohorts",
                "/console/campaign/places", "/console/campaign/radio", "/console/campaign/directives",
                "/console/campaign/desk", "/console/campaign/referrals");
        for (String p : pages) {
            String vi = html(mvc.perform(get(p).session(xa)).andExpect(status().isOk()).andReturn());
            assertThat(vi).as(p).contains("Chiến dịch", "Tiếng Việt").doesNotContain("??", "Campaign<");
        }
        MvcResult en = mvc.perform(get("/console/campaign/visits").param("lang", "en").session(xa))
                .andExpect(status().isOk()).andReturn();
        assertThat(html(en)).contains("Door to door", "Add a household", "Import households from a CSV file")
                .doesNotContain("Đến từng nhà<");
        Cookie lang = en.getResponse().getCookie("bluezone-lang");
        assertThat(lang).isNotNull();
        for (String p : pages) {
            String text = html(mvc.perform(get(p).session(xa).cookie(lang)).andExpect(status().isOk()).andReturn());
            assertThat(text).as(p).contains("Campaign", "English").doesNotContain("??", "Lưu<", "Chiến dịch<");
        }
        assertThat(html(mvc.perform(get("/console/campaign/visits").param("lang", "vi").session(xa)).andReturn()))
                .contains("Đến từng nhà", "Thêm hộ gia đình");
        // A refused form answers in the reader's language too.
        String refused = html(mvc.perform(post("/console/campaign/households").param("commune", QN)
                .param("villageCode", tanMy).param("headName", "A").param("address", "B").param("members", "99")
                .param("smartphones", "1").session(xa).cookie(lang).with(csrf())).andReturn());
        assertThat(refused).contains("Invalid count (members 1 to 60, smartphones 0 to 60).");
    }
}
