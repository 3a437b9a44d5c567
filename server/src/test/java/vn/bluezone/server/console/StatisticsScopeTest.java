package vn.bluezone.server.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.RegistryTestSupport;
import vn.bluezone.server.registry.Villages;

/**
 * Officials see their unit and everything under it, nothing else: a commune official of Xã Quảng Ngạn (19873)
 * gets 403 for its neighbour Xã Quảng Lợi (19876), and for its district, province and the country, on every
 * statistics page and API; their own commune and its villages work.
 */
@AutoConfigureMockMvc
class StatisticsScopeTest extends RegistryTestSupport {
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    Villages villages;
    @Autowired
    JdbcTemplate jdbc;

    static String ownVillage;

    @BeforeEach
    void accounts() {
        for (Object[] a : new Object[][] {{"xa.quangngan", Role.COMMUNE, "19873"}, {"tinh.hue", Role.PROVINCE, "46"},
                {"tn.volunteer", Role.VOLUNTEER, "19873"}, {"quocgia", Role.NATIONAL, null},
                {"yte.hue", Role.HEALTH_OFFICER, "46"}}) {
            if (accounts.find((String) a[0]).isEmpty()) {
                accounts.create("test", (String) a[0], null, (Role) a[1], (String) a[2], "a-long-test-password", false);
            }
        }
        if (ownVillage == null) {
            ownVillage = villages.create("19873", "thon", "Scope " + System.nanoTime() % 100000, "test").code();
        }
    }

    UserDetails as(String username) {
        return accounts.loadUserByUsername(username);
    }

    /** Every statistics page and API about {@code code}, reads and writes. */
    List<AbstractMockHttpServletRequestBuilder<?>> everything(String code) {
        MockMultipartFile file = new MockMultipartFile("file", "f.csv", "text/csv",
                ("unit_code,as_of,population\n" + code + ",2021-01-01,100\n").getBytes(StandardCharsets.UTF_8));
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/console/statistics/" + code),
                get("/console/statistics/" + code + "/export.csv"),
                get("/console/statistics/" + code + "/export.xlsx"),
                get("/console/statistics/" + code + "/villages"),
                get("/console/statistics/" + code + "/denominators"),
                post("/console/statistics/" + code + "/villages").param("name", "X").with(csrf()),
                post("/console/statistics/" + code + "/denominators").param("kind", "POPULATION")
                        .param("amount", "5").param("asOf", "2021-01-01").with(csrf()),
                multipart("/console/statistics/" + code + "/denominators/import").file(file).with(csrf()),
                get("/api/v1/admin/statistics/" + code),
                get("/api/v1/admin/statistics/" + code + "/ranking"),
                get("/api/v1/admin/statistics/" + code + "/ranking/export?format=csv"),
                get("/api/v1/admin/statistics/" + code + "/trend"),
                get("/api/v1/admin/units/" + code),
                get("/api/v1/admin/units/" + code + "/denominators"),
                post("/api/v1/admin/units/" + code + "/villages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\"}").with(csrf()),
                post("/api/v1/admin/denominators").contentType(MediaType.APPLICATION_JSON).with(csrf())
                        .content("[{\"unitCode\":\"" + code + "\",\"kind\":\"POPULATION\",\"amount\":5,\"asOf\":\"2021-01-01\"}]"));
    }

    @Test
    void communeOfficialGets403OutsideTheirCommuneEverywhere() throws Exception {
        long denominators = jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class);
        long villageCount = jdbc.queryForObject("SELECT COUNT(*) FROM village", Long.class);
        for (String other : List.of("19876", "477", "46", "VN", "01")) {
            for (AbstractMockHttpServletRequestBuilder<?> request : everything(other)) {
                var result = mvc.perform(request.with(user(as("xa.quangngan")))).andReturn();
                assertEquals(403, result.getResponse().getStatus(),
                        request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                                + " for " + other);
            }
        }
        // the API's import names the out-of-scope row and imports nothing
        MockMultipartFile file = new MockMultipartFile("file", "f.csv", "text/csv",
                "unit_code,as_of,population\n19873,2021-01-01,100\n19876,2021-01-01,100\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/admin/denominators/import").file(file).with(csrf()).with(user(as("xa.quangngan"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("IMPORT_REJECTED"))
                .andExpect(jsonPath("$.rows[0].row").value(3))
                .andExpect(jsonPath("$.rows[0].code").value("OUT_OF_SCOPE"));
        assertEquals(denominators, jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class));
        assertEquals(villageCount, jdbc.queryForObject("SELECT COUNT(*) FROM village", Long.class));
    }

    @Test
    void communeOfficialSeesTheirCommuneAndItsVillages() throws Exception {
        for (String own : List.of("19873", ownVillage)) {
            mvc.perform(get("/console/statistics/" + own).with(user(as("xa.quangngan")))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/admin/statistics/" + own).with(user(as("xa.quangngan")))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.unit.code").value(own));
        }
        mvc.perform(get("/console/statistics").with(user(as("xa.quangngan"))))
                .andExpect(redirectedUrl("/console/statistics/19873"));
        // the breadcrumb starts at their own commune, not at the province they cannot open
        mvc.perform(get("/console/statistics/19873").with(user(as("xa.quangngan"))))
                .andExpect(content().string(not(containsString("/console/statistics/46\""))));
        // search is limited to their area
        mvc.perform(get("/api/v1/admin/units?q=quang").with(user(as("xa.quangngan")))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '19876')]").isEmpty());
    }

    @Test
    void provinceOfficialSeesEverythingInTheProvinceOnly() throws Exception {
        for (String inside : List.of("46", "477", "19873", "19876")) {
            mvc.perform(get("/console/statistics/" + inside).with(user(as("tinh.hue")))).andExpect(status().isOk());
        }
        mvc.perform(get("/console/statistics/45").with(user(as("tinh.hue")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/statistics/VN").with(user(as("tinh.hue")))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("OUT_OF_SCOPE"));
        mvc.perform(get("/api/v1/admin/statistics/VN/ranking").with(user(as("quocgia")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.children.length()").value(63));
    }

    @Test
    void volunteersAndHealthOfficersHaveNoStatistics() throws Exception {
        for (String u : List.of("tn.volunteer", "yte.hue")) {
            mvc.perform(get("/api/v1/admin/statistics/19873").with(user(as(u)))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("FORBIDDEN"));
            mvc.perform(get("/console/statistics/19873").with(user(as(u)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void anonymousCallersMustLogIn() throws Exception {
        mvc.perform(get("/api/v1/admin/statistics/19873")).andExpect(status().isUnauthorized());
        mvc.perform(get("/console/statistics/19873")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void unknownUnitsAndBadParametersAreClearErrors() throws Exception {
        mvc.perform(get("/api/v1/admin/statistics/99999").with(user(as("quocgia")))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("UNIT_NOT_FOUND"));
        mvc.perform(get("/api/v1/admin/statistics/46?day=yesterday").with(user(as("quocgia"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/admin/statistics/46/ranking/export?format=pdf").with(user(as("quocgia"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("BAD_FORMAT"));
        mvc.perform(post("/api/v1/admin/units/477/villages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\"}").with(csrf()).with(user(as("quocgia"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("NOT_A_COMMUNE"));
    }
}
