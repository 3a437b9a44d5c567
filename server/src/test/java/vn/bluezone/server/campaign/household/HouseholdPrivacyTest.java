package vn.bluezone.server.campaign.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 15 §4: every read of household heads' names and addresses by an official is audited (who, when, which
 * records, never the names), and the names and addresses are blanked {@code retention-days} (here 30) after a
 * commune's door-to-door campaign ended, by the nightly job; a visit restarts the count, numbers and visits stay.
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.campaign.household.retention-days=30"})
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(vn.bluezone.server.support.TestClockConfig.class)
class HouseholdPrivacyTest {
    static final String QN = "19873";
    static final String QC = "19876";
    static final String PW = "household-test-pw";
    static final String API = "/api/v1/admin/campaign";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired AuditLog audit;
    @Autowired MutableClock time;
    @Autowired HouseholdRetentionJob retention;

    MockHttpSession login(String user, Role role, String area) throws Exception {
        if (accounts.find(user).isEmpty()) {
            accounts.create("test", user, null, role, area, PW, false);
        }
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, MockHttpSession s,
                  String body, int expected) throws Exception {
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String text = mvc.perform(req.session(s).with(csrf())).andExpect(status().is(expected)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return text.isEmpty() ? null : JSON.readTree(text);
    }

    long household(MockHttpSession s, String commune, String village, String head) throws Exception {
        return call(post(API + "/communes/" + commune + "/households"), s, "{\"villageCode\":\"" + village
                + "\",\"headName\":\"" + head + "\",\"address\":\"Xóm 1, " + head + "\",\"members\":4,"
                + "\"smartphones\":2}", 201).get("id").asLong();
    }

    @Test
    void everyReadOfNamesIsAuditedWithoutTheNames() throws Exception {
        String village = villages.create(QN, "thon", "Audit Hà", "test").code();
        MockHttpSession xa = login("hh.qn", Role.COMMUNE, QN);
        MockHttpSession volunteer = login("hh.tnv", Role.VOLUNTEER, QN);
        long a = household(xa, QN, village, "Nguyễn Văn An");
        long b = household(xa, QN, village, "Lê Thị Bé");

        JsonNode list = call(get(API + "/villages/" + village + "/households"), volunteer, null, 200);
        assertThat(list).hasSize(2);
        var entry = audit.recent(HouseholdReads.ACTION, 1).get(0);
        assertThat(entry.actor()).isEqualTo("hh.tnv");
        assertThat(entry.target()).isEqualTo(village);
        assertThat(entry.details()).isEqualTo("households " + a + "-" + b);
        assertThat(entry.at()).isNotNull();

        call(get(API + "/communes/" + QN + "/household-progress").param("village", village), xa, null, 200);
        assertThat(audit.recent(HouseholdReads.ACTION, 1).get(0).actor()).isEqualTo("hh.qn");

        mvc.perform(get("/console/campaign/visits/" + a).session(volunteer)).andExpect(status().isOk());
        assertThat(audit.recent(HouseholdReads.ACTION, 1).get(0).target()).isEqualTo("household " + a);
        mvc.perform(get("/console/campaign/visits").param("commune", QN).param("village", village).session(volunteer))
                .andExpect(status().isOk());
        assertThat(audit.recent(HouseholdReads.ACTION, 1).get(0).details()).isEqualTo("households " + a + "-" + b);

        for (var e : audit.recent(HouseholdReads.ACTION, 100)) {
            assertThat(e.details() + e.target()).doesNotContain("Nguyễn", "Lê Thị", "Xóm");
        }
    }

    @Test
    void namesAndAddressesAreBlankedAfterTheCampaignEnded() throws Exception {
        Instant start = time.instant();
        try {
            String village = villages.create(QC, "thon", "Retention Hà", "test").code();
            MockHttpSession xa = login("hh.qc", Role.COMMUNE, QC);
            long a = household(xa, QC, village, "Trần Văn Cư");
            household(xa, QC, village, "Phạm Thị Dung");

            time.advance(Duration.ofDays(20));
            call(post(API + "/households/" + a + "/visits"), xa, "{\"smartphonesPresent\":2,\"alreadyInstalled\":0,"
                    + "\"installedNow\":2,\"refused\":0}", 201);
            time.advance(Duration.ofDays(25)); // 45 days after the start, 25 after the last visit: still running
            assertThat(retention.run()).isZero();
            assertThat(call(get(API + "/villages/" + village + "/households"), xa, null, 200).get(0).get("headName")
                    .asString()).isEqualTo("Trần Văn Cư");

            // Quảng Ngạn's campaign goes on: a household added now keeps that commune's names (all of them).
            String other = villages.create(QN, "thon", "Retention Khác", "test").code();
            household(login("hh.qn2", Role.COMMUNE, QN), QN, other, "Hoàng Văn Em");
            time.advance(Duration.ofDays(6)); // 31 days without a household added or a visit
            assertThat(retention.run()).isEqualTo(2);
            JsonNode after = call(get(API + "/villages/" + village + "/households"), xa, null, 200);
            assertThat(after).hasSize(2).allSatisfy(h -> {
                assertThat(h.get("headName").asString()).isEmpty();
                assertThat(h.get("address").asString()).isEmpty();
                assertThat(h.get("members").asInt()).isEqualTo(4);
            });
            JsonNode progress = call(get(API + "/communes/" + QC + "/household-progress"), xa, null, 200);
            assertThat(progress.get("byVillage").findValues("installedNow").stream().mapToLong(JsonNode::asLong)
                    .sum()).as("the visits stay").isEqualTo(2);
            assertThat(audit.recent("household.anonymise", 1).get(0).target()).isEqualTo(QC);
            assertThat(retention.run()).as("nothing twice").isZero();
            assertThat(call(get(API + "/villages/" + other + "/households"), login("hh.qn2", Role.COMMUNE, QN), null,
                    200).get(0).get("headName").asString()).isEqualTo("Hoàng Văn Em");
        } finally {
            time.set(start);
        }
    }
}
