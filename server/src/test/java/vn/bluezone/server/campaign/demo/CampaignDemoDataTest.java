package vn.bluezone.server.campaign.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
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
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.cohort.CohortService;
import vn.bluezone.server.campaign.cohort.ComplianceRow;
import vn.bluezone.server.campaign.cohort.PersonStatus;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.household.Progress;
import vn.bluezone.server.campaign.place.PlaceRow;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.campaign.radio.RadioService;
import vn.bluezone.server.campaign.radio.ScheduledAnnouncement;
import vn.bluezone.server.campaign.referral.ReferralService;
import vn.bluezone.server.campaign.referral.ReferrerScore;
import vn.bluezone.server.support.TestDatabase;

/**
 * With the demo on (the default of {@code ./bluezone start}), the demo commune's campaign pages have something to
 * show, every person and household is marked DEMO, and a second start adds nothing. The demo-off case is in
 * {@code CampaignApiTest#noDemoLeavesTheCampaignEmpty}.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=true")
@AutoConfigureMockMvc
class CampaignDemoDataTest {
    static final String QN = "19873";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired CampaignDemoData demo;
    @Autowired CohortService cohorts;
    @Autowired HouseholdService households;
    @Autowired PlaceService places;
    @Autowired ReferralService referrals;
    @Autowired DirectiveService directives;
    @Autowired RadioService radio;
    @Autowired CampaignClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired MockMvc mvc;

    @Test
    void theDemoCommuneHasCampaignDataMarkedDemo() throws Exception {
        assertThat(demo.isLoaded()).isTrue();
        List<PersonStatus> people = cohorts.list(QN, "test");
        assertThat(people).hasSize(4).allSatisfy(p -> assertThat(p.person().fullName()).startsWith("[DEMO] "));
        ComplianceRow commune = cohorts.compliance("477").stream().filter(r -> r.unitCode().equals(QN)).findFirst()
                .orElseThrow();
        assertThat(List.of(commune.required(), commune.verified(), commune.active())).containsExactly(4L, 2L, 1L);

        assertThat(households.inCommune(QN)).hasSize(12)
                .allSatisfy(h -> assertThat(h.headName()).startsWith("[DEMO] "));
        assertThat(households.byVillage(QN).stream().mapToLong(Progress::visited).sum()).isEqualTo(4);
        assertThat(households.notVisited(QN, null)).hasSize(8);

        List<PlaceRow> table = places.table(QN);
        assertThat(table).hasSize(3).allSatisfy(r -> assertThat(r.place().name()).startsWith("[DEMO] "));
        assertThat(table.get(0).place().kind().name()).isEqualTo("MARKET");
        assertThat(List.of(table.get(0).installs(), table.get(0).views())).containsExactly(4L, 4L);

        List<ReferrerScore> board = referrals.leaderboard(QN);
        assertThat(board).extracting(ReferrerScore::installs).containsExactly(3L, 1L);
        assertThat(board.get(0).targetMet()).isTrue();

        assertThat(directives.directivesWithin(QN)).hasSize(1);
        assertThat(directives.overdue(QN)).extracting(o -> o.task().body().name()).containsExactly("POLICE");

        List<ScheduledAnnouncement> today = radio.schedule(QN, clock.today());
        assertThat(today).isNotEmpty().allSatisfy(a -> assertThat(a.ready()).as(a.problem()).isTrue());
        assertThat(today.get(0).script()).contains("người cài đặt Bluezone").doesNotContain("{");

        // A second start adds nothing.
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_household", Long.class);
        demo.loadOnStart();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_household", Long.class)).isEqualTo(rows);

        // The pages show it, with the demo banner.
        accounts.create("test", "xa.demo", "UBND xã Quảng Ngạn", Role.COMMUNE, QN, "demo-test-password", false);
        MockHttpSession s = (MockHttpSession) mvc.perform(formLogin("/login").user("xa.demo")
                .password("demo-test-password")).andExpect(authenticated()).andReturn().getRequest().getSession(false);
        assertThat(page(s, "/console/campaign")).contains("id=\"demo-banner\"");
        assertThat(page(s, "/console/campaign/cohorts")).contains("[DEMO] Nguyễn Thị Mẫu");
        assertThat(page(s, "/console/campaign/visits")).contains("[DEMO] Hộ ông Mẫu Văn An 1");
        assertThat(page(s, "/console/campaign/directives")).contains("01/KH-UBND (DEMO)");
        assertThat(page(s, "/console/campaign/radio")).contains("[DEMO] Kêu gọi cài đặt theo thôn");
        assertThat(page(s, "/console/campaign/referrals")).contains("[DEMO] Đoàn viên Thử Thị Hai");
        assertThat(page(s, "/console/campaign/places")).contains("[DEMO] Chợ Quảng Ngạn");
    }

    private String page(MockHttpSession s, String path) throws Exception {
        return mvc.perform(get(path).session(s)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
