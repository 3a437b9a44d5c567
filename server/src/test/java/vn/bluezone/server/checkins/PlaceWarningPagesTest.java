package vn.bluezone.server.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.support.TestDatabase;

/** The health officer's console page for place warnings: Vietnamese first, dd/mm/yyyy, CSRF, refusals as 4xx. */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.checkins.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceWarningPagesTest {
    static final String PW = "place-warning-pw";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.data-dir", () -> System.getProperty("java.io.tmpdir") + "/bz-place-warning-pages");
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired PlaceService places;
    @Autowired JdbcTemplate jdbc;
    String market;

    @BeforeAll
    void setUp() {
        accounts.create("test", "yte.hue", "CDC Thừa Thiên Huế", Role.HEALTH_OFFICER, "46", PW, false);
        accounts.create("test", "yte.hanoi", "CDC Hà Nội", Role.HEALTH_OFFICER, "01", PW, false);
        accounts.create("test", "xa.qn", "UBND xã", Role.COMMUNE, "19873", PW, false);
        market = places.create("19873", null, "MARKET", "Chợ Hà Lạc", null, "test").code();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andReturn().getRequest()
                .getSession(false);
    }

    @Test
    void officerWarnsAPlaceFromTheConsole() throws Exception {
        MockHttpSession hue = login("yte.hue");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String page = mvc.perform(get("/console/checkins/warnings").session(hue)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Cảnh báo địa điểm").contains("dd/mm/yyyy");

        String bad = mvc.perform(post("/console/checkins/warnings").session(hue).with(csrf()).param("placeCode", market)
                        .param("day", "31/11/2026").param("from", "06:00").param("to", "07:00").param("message", "x"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Named next to its field, the rest kept; no Java time pattern (HH:mm) shown.
        assertThat(bad).contains("id=\"error-day\"", "Ngày phải có thật, dạng dd/mm/yyyy.")
                .contains("value=\"" + market + "\"").doesNotContain("HH:mm", "id=\"error-from\"");
        // 31/11 is refused, not moved to 30/11 (issue 13, problem 5); so is a time past the clock.
        mvc.perform(post("/console/checkins/warnings").session(hue).with(csrf()).param("placeCode", market)
                        .param("day", today).param("from", "6:00").param("to", "24:00").param("message", "x"))
                .andExpect(status().isBadRequest());

        String reversed = mvc.perform(post("/console/checkins/warnings").session(hue).with(csrf()).param("placeCode", market)
                        .param("day", today).param("from", "00:30").param("to", "00:10").param("message", "Có ca bệnh"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(reversed).contains("Giờ kết thúc phải sau giờ bắt đầu", "id=\"error-to\"")
                .doesNotContain("INVALID_WINDOW");

        MockHttpSession hanoi = login("yte.hanoi");
        mvc.perform(post("/console/checkins/warnings").session(hanoi).with(csrf()).param("placeCode", market)
                .param("day", today).param("from", "00:00").param("to", "00:10").param("message", "Có ca bệnh"))
                .andExpect(status().isNotFound()); // another province's place: as a missing one (issue 15 §4)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_place_warning", Long.class)).isZero();

        String ok = mvc.perform(post("/console/checkins/warnings").session(hue).with(csrf()).param("placeCode", market)
                        .param("day", today).param("from", "00:00").param("to", "00:10").param("message", "Có ca bệnh ở chợ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ok).contains("Đã gửi cảnh báo").contains("Chợ Hà Lạc (" + market + ")").contains(today + " 00:00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_place_warning", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_report", Long.class)).isEqualTo(1);

        mvc.perform(post("/console/checkins/warnings").session(hue).param("placeCode", market))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(get("/console/checkins/warnings").session(login("xa.qn"))).andExpect(status().isForbidden());
        String english = mvc.perform(get("/console/checkins/warnings?lang=en").session(hue)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Place warnings").contains("Send warning");
    }
}
