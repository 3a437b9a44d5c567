package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 15 §4: a record of another commune, reached by its id, is answered exactly like an id that does not exist
 * (status and body; the id itself aside), on every API and console page that takes an id, one family after another,
 * so that an official cannot learn which ids exist elsewhere. The role check still comes first (403 whatever the id).
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.public-url=https://bz.example.vn"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherAreaIdsTest {
    static final String QN = "19873";
    static final String QC = "19876";
    static final String PW = "other-area-test-pw";
    static final long MISSING = 987_654_321L;
    static final String API = "/api/v1/admin/campaign";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Villages villages;
    @Autowired CampaignClock clock;

    MockHttpSession xa;
    MockHttpSession neighbour;
    long person;
    long household;
    long directive;
    long task;
    long place;
    long template;
    long slot;

    @BeforeAll
    void recordsOfQuangNgan() throws Exception {
        String village = villages.create(QN, "thon", "Hà Lạc", "test").code();
        accounts.create("test", "ids.qn", null, Role.COMMUNE, QN, PW, false);
        accounts.create("test", "ids.qc", null, Role.COMMUNE, QC, PW, false);
        accounts.create("test", "ids.ca", null, Role.POLICE, QN, PW, false);
        xa = login("ids.qn");
        neighbour = login("ids.qc");
        LocalDate today = clock.today();
        person = json(post(API + "/communes/" + QN + "/cohort-people"), login("ids.ca"),
                "{\"fullName\":\"Trần Văn Minh\",\"phone\":\"0351234567\",\"address\":\"Tân Mỹ\",\"cohort\":\"ARRIVAL\","
                        + "\"startDate\":\"" + today + "\",\"endDate\":\"" + today.plusDays(14) + "\"}")
                .get("person").get("id").asLong();
        household = json(post(API + "/communes/" + QN + "/households"), xa, "{\"villageCode\":\"" + village
                + "\",\"headName\":\"Nguyễn Văn An\",\"address\":\"Xóm 1\",\"members\":4,\"smartphones\":2}")
                .get("id").asLong();
        JsonNode d = json(post(API + "/units/" + QN + "/directives"), xa, "{\"number\":\"45/UBND\",\"issuedOn\":\""
                + today + "\",\"issuingBody\":\"UBND xã\",\"subject\":\"Cài đặt\",\"text\":\"...\",\"tasks\":[{\"body\":"
                + "\"POLICE\",\"title\":\"Kiểm tra\",\"deadline\":\"" + today.plusDays(3) + "\"}]}");
        directive = d.get("directive").get("id").asLong();
        task = d.get("tasks").get(0).get("task").get("id").asLong();
        place = json(post(API + "/communes/" + QN + "/places"), xa, "{\"villageCode\":\"" + village
                + "\",\"kind\":\"MARKET\",\"name\":\"Chợ Quảng Ngạn\",\"contact\":\"Bà Hoa\"}").get("place").get("id")
                .asLong();
        template = json(post(API + "/units/" + QN + "/radio/templates"), xa,
                "{\"title\":\"Tin của xã\",\"body\":\"{don_vi} đã có {so_cai_dat} người cài đặt.\"}").get("id").asLong();
        slot = json(post(API + "/communes/" + QN + "/radio/slots"), xa, "{\"subjectUnitCode\":\"" + village
                + "\",\"templateId\":" + template + ",\"weekdays\":\"1-7\",\"airTime\":\"06:00\",\"location\":\"Loa\"}")
                .get("id").asLong();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PW)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    JsonNode json(MockHttpServletRequestBuilder req, MockHttpSession s, String body) throws Exception {
        MockHttpServletResponse r = mvc.perform(req.session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    MvcResult send(MockHttpServletRequestBuilder req, MockHttpSession s, String body) throws Exception {
        req.session(s).with(csrf());
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(req).andReturn();
    }

    /** The same request for the other commune's record and for a missing id: 404 both, bodies equal but for the id. */
    void sameAsMissing(String label, long id, LongFunction<MockHttpServletRequestBuilder> request, String body)
            throws Exception {
        sameAsMissingWith(label, id, request, x -> body);
    }

    void sameAsMissingWith(String label, long id, LongFunction<MockHttpServletRequestBuilder> request,
                           LongFunction<String> body) throws Exception {
        MvcResult theirs = send(request.apply(id), neighbour, body.apply(id));
        MvcResult missing = send(request.apply(MISSING), neighbour, body.apply(MISSING));
        assertThat(theirs.getResponse().getStatus()).as(label).isEqualTo(404);
        assertThat(missing.getResponse().getStatus()).as(label).isEqualTo(404);
        String answer = answer(theirs, id);
        assertThat(answer).as(label).isEqualTo(answer(missing, MISSING)).contains("_NOT_FOUND");
        // The record is really there: its own commune gets another answer.
        MvcResult own = send(request.apply(id), xa, body.apply(id));
        assertThat(own.getResponse().getStatus() + answer(own, id)).as(label + " for its own commune").isNotEqualTo("404" + answer);
    }

    /**
     * The body, with the id written as #; for console pages (whose HTML error page, chosen by the status alone,
     * MockMvc does not render) the error the handler was given.
     */
    static String answer(MvcResult result, long id) throws Exception {
        MockHttpServletResponse r = result.getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8) + "|" + (result.getResolvedException()
                instanceof vn.bluezone.server.problem.DomainException e ? e.code() + ": " + e.getMessage() : "");
        return text.replaceAll("(?<![0-9])" + id + "(?![0-9])", "#");
    }

    @Test
    void cohortRecords() throws Exception {
        sameAsMissing("read", person, id -> get(API + "/cohort-people/" + id), null);
        sameAsMissing("access log", person, id -> get(API + "/cohort-people/" + id + "/access-log"), null);
        sameAsMissing("verify", person, id -> post(API + "/cohort-people/" + id + "/verify"),
                "{\"installCode\":\"ABCDEFGH\"}");
        sameAsMissing("console verify", person, id -> post("/console/campaign/cohorts/" + id + "/verify")
                .param("installCode", "ABCDEFGH"), null);
    }

    @Test
    void householdsAndVisits() throws Exception {
        String visit = "{\"smartphonesPresent\":1,\"alreadyInstalled\":0,\"installedNow\":1,\"refused\":0}";
        sameAsMissing("visit", household, id -> post(API + "/households/" + id + "/visits"), visit);
        sameAsMissing("console visit page", household, id -> get("/console/campaign/visits/" + id), null);
        sameAsMissing("console nobody home", household, id -> post("/console/campaign/visits/" + id + "/nobody-home"),
                null);
    }

    @Test
    void directivesAndTasks() throws Exception {
        sameAsMissing("read", directive, id -> get(API + "/directives/" + id), null);
        sameAsMissing("report", directive, id -> get(API + "/directives/" + id + "/report.pdf"), null);
        sameAsMissing("add task", directive, id -> post(API + "/directives/" + id + "/tasks"),
                "{\"body\":\"POLICE\",\"title\":\"x\",\"deadline\":\"" + clock.today().plusDays(1) + "\"}");
        sameAsMissing("console page", directive, id -> get("/console/campaign/directives/" + id), null);
        sameAsMissing("task update", task, id -> post(API + "/tasks/" + id + "/updates"),
                "{\"progress\":10,\"note\":\"x\"}");
        sameAsMissing("console task update", task, id -> post("/console/campaign/tasks/" + id + "/updates")
                .param("progress", "10").param("note", "x"), null);
    }

    @Test
    void placesAndPosters() throws Exception {
        sameAsMissing("poster", place, id -> get(API + "/places/" + id + "/poster.pdf"), null);
        sameAsMissing("console poster", place, id -> get("/console/campaign/places/" + id + "/poster.pdf"), null);
    }

    @Test
    void radioTemplatesAndSlots() throws Exception {
        sameAsMissing("preview", template, id -> get(API + "/communes/" + QC + "/radio/templates/" + id + "/preview")
                .param("subject", QC), null);
        sameAsMissingWith("slot with their template", template, id -> post(API + "/communes/" + QC + "/radio/slots"),
                id -> "{\"subjectUnitCode\":\"" + QC + "\",\"templateId\":" + id + ",\"weekdays\":\"1-7\","
                        + "\"airTime\":\"06:00\",\"location\":\"Loa\"}");
        sameAsMissing("airing", slot, id -> post(API + "/radio/slots/" + id + "/airings"), "{}");
        sameAsMissing("console aired", slot, id -> post("/console/campaign/radio/slots/" + id + "/aired"), null);
        sameAsMissing("remove", slot, id -> delete(API + "/radio/slots/" + id), null);
    }

    @Test
    void theRoleIsCheckedBeforeTheRecord() throws Exception {
        accounts.create("test", "ids.tnv", null, Role.VOLUNTEER, QC, PW, false);
        MockHttpSession volunteer = login("ids.tnv");
        MockHttpServletResponse theirs = send(get(API + "/cohort-people/" + person), volunteer, null).getResponse();
        MockHttpServletResponse missing = send(get(API + "/cohort-people/" + MISSING), volunteer, null).getResponse();
        assertThat(theirs.getStatus()).isEqualTo(403).isEqualTo(missing.getStatus());
        assertThat(theirs.getContentAsString()).isEqualTo(missing.getContentAsString()).contains("FORBIDDEN");
    }
}
