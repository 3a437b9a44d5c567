package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.cohort.CohortKind;
import vn.bluezone.server.campaign.desk.ProcedureType;
import vn.bluezone.server.campaign.directive.TaskBody;
import vn.bluezone.server.campaign.directive.TaskStatus;
import vn.bluezone.server.campaign.place.PlaceKind;
import vn.bluezone.server.registry.UnitLevel;
import vn.bluezone.server.support.TestDatabase;

/**
 * Every console page, as each kind of official sees it on the demo data, in Vietnamese and English: no ISO date
 * (2026-12-02), no enum name (COMMUNE, CONFIRMED_TEST, HOME_QUARANTINE, ...) in the text a reader sees
 * (issue 13, conventions). Attribute values (links, form values) are not reader text and are not checked.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=true")
@AutoConfigureMockMvc
class RenderedPagesConventionsTest {
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    static Set<String> enumNames() {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(Role.values(), CohortKind.values(), PlaceKind.values(), TaskBody.values(), TaskStatus.values(),
                ProcedureType.values(), ReportType.values(), UnitLevel.values()).flatMap(Stream::of)
                .map(e -> ((Enum<?>) e).name()).forEach(names::add);
        names.addAll(List.of("UNCLAIMED", "CLAIMED", "EXPIRED"));
        names.remove("OTHER");
        return names;
    }

    /** The text a reader sees: tags, scripts and styles removed, entities decoded. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<title>.*?</title>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }

    @Test
    void noIsoDatesNorEnumNamesOnAnyPage() throws Exception {
        record Who(String user, Role role, String area) {
        }
        List<Who> officials = List.of(new Who("conv.xa", Role.COMMUNE, "19873"),
                new Who("conv.tinh", Role.PROVINCE, "46"), new Who("conv.tyt", Role.HEALTH_STATION, "19873"),
                new Who("conv.tnv", Role.VOLUNTEER, "19873"), new Who("conv.yte", Role.HEALTH_OFFICER, "46"),
                new Who("conv.ca", Role.POLICE, "19873"), new Who("conv.qt", Role.ADMIN, null));
        for (Who w : officials) {
            accounts.create("test", w.user(), "Cán bộ " + w.user(), w.role(), w.area(), "a-long-test-password", false);
        }
        List<String> pages = new ArrayList<>(List.of("/console", "/console/campaign", "/console/campaign/visits",
                "/console/campaign/cohorts", "/console/campaign/places", "/console/campaign/radio",
                "/console/campaign/directives", "/console/campaign/desk", "/console/campaign/referrals",
                "/console/codes", "/console/codes/statistics", "/console/statistics", "/console/statistics/46",
                "/console/statistics/19873", "/console/statistics/19873/villages",
                "/console/statistics/19873/denominators", "/console/password", "/console/api-keys",
                // Pages reached through forms or by some roles only (issue 13 walk, s6): every one is checked.
                "/console/statistics/19873/ranking", "/console/statistics/46/ranking",
                "/console/statistics/search?q=quang", "/console/checkins/warnings", "/console/accounts",
                "/console/codes/lookup?id=ZZZZZZZZ", "/console/totp/setup"));
        // A code issued through the page, so its lookup and its "expire?" confirmation render too.
        mvc.perform(post("/console/codes").with(csrf()).with(user(accounts.loadUserByUsername("conv.yte")))
                .param("reportType", ReportType.CONFIRMED_TEST.name())
                .param("testDate", Formats.format(java.time.LocalDate.now(Formats.VIETNAM)))
                .param("caseReference", "BN-7")).andReturn();
        String code = jdbc.sql("SELECT public_id FROM verification_code").query(String.class).list().get(0);
        pages.add("/console/codes/" + code + "/expire");
        pages.add("/console/codes/lookup?id=" + code.substring(0, 8));
        jdbc.sql("SELECT id FROM account WHERE username = 'conv.xa'").query(Long.class).list()
                .forEach(id -> pages.add("/console/accounts/" + id + "/area"));
        jdbc.sql("SELECT id FROM campaign_directive").query(Long.class).list()
                .forEach(id -> pages.add("/console/campaign/directives/" + id));
        jdbc.sql("SELECT id FROM campaign_household").query(Long.class).list().stream().limit(2)
                .forEach(id -> pages.add("/console/campaign/visits/" + id));
        Set<String> enums = enumNames();
        List<String> problems = new ArrayList<>();
        int rendered = 0;
        for (Who w : officials) {
            for (String page : pages) {
                for (String lang : List.of("vi", "en")) {
                    MvcResult r = mvc.perform(get(page).param("lang", lang)
                            .with(user(accounts.loadUserByUsername(w.user())))).andReturn();
                    if (r.getResponse().getStatus() != 200) {
                        continue;
                    }
                    rendered++;
                    String html = r.getResponse().getContentAsString();
                    String text = visibleText(html);
                    // Single-language pages with the switch: the page says its language and offers the other one.
                    if (!html.contains("<html lang=\"" + lang + "\"") || !html.contains("id=\"lang-en\"")) {
                        problems.add(w.user() + " " + page + "?lang=" + lang + ": no language switch or wrong lang");
                    }
                    Matcher iso = ISO_DATE.matcher(text);
                    if (iso.find()) {
                        problems.add(w.user() + " " + page + "?lang=" + lang + ": ISO date " + iso.group());
                    }
                    for (String e : enums) {
                        if (Pattern.compile("(?<![\\p{L}_])" + e + "(?![\\p{L}_])").matcher(text).find()) {
                            problems.add(w.user() + " " + page + "?lang=" + lang + ": enum name " + e);
                        }
                    }
                }
            }
        }
        assertThat(rendered).as("pages rendered").isGreaterThan(150);
        assertThat(problems).isEmpty();
    }
}
