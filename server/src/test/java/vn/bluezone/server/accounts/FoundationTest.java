package vn.bluezone.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.support.TestDatabase;

/** The foundation: first-start administrator, login, sessions, API keys, JSON errors. */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationTest {
    private static final Pattern ONE_TIME = Pattern.compile("one-time password: (\\S+)");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AdminBootstrap bootstrap;
    @Autowired AuditLog audit;

    private static String adminPassword;

    @Test
    @Order(1)
    void firstStartPrintsTheAdministratorsOneTimePasswordOnce(CapturedOutput output) throws Exception {
        Matcher m = ONE_TIME.matcher(output.getOut());
        assertThat(m.find()).as("one-time password printed at start").isTrue();
        adminPassword = m.group(1);
        assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);
        assertThat(m.find()).as("printed only once").isFalse();
        assertThat(accounts.find("admin")).get().extracting(Official::role).isEqualTo(Role.ADMIN);
        // A second start with accounts present prints nothing.
        int before = output.getOut().length();
        bootstrap.run(null);
        assertThat(output.getOut().substring(before)).doesNotContain("one-time password");
        // The password is never stored in clear.
        assertThat(output.getOut()).doesNotContain("{bcrypt}");
    }

    @Test
    @Order(2)
    void loginWorksWrongPasswordFails() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(adminPassword)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("admin").password(adminPassword + "x")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password("whatever-123")).andExpect(unauthenticated());
    }

    @Test
    @Order(3)
    void oneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        MockHttpSession session = login("admin", adminPassword);
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/api/v1/admin/accounts").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(post("/console/password").session(session).with(csrf())
                        .param("currentPassword", adminPassword).param("newPassword", "correct horse battery")
                        .param("confirmPassword", "correct horse battery"))
                .andExpect(redirectedUrl("/console?passwordChanged"));
        mvc.perform(get("/console").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Quản trị viên"))); // a Vietnamese name, not "Administrator"
        mvc.perform(get("/api/v1/admin/accounts").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value("admin"));
        // The old password no longer works.
        mvc.perform(formLogin("/login").user("admin").password(adminPassword)).andExpect(unauthenticated());
    }

    @Test
    @Order(4)
    void consoleNeedsLoginAndApiAnswersJson401() throws Exception {
        mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/admin/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("UNAUTHORIZED"));
        mvc.perform(get("/api/v1/admin/me").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("UNAUTHORIZED"));
    }

    @Test
    @Order(5)
    void apiKeysAuthenticateScriptsAndCanBeRevoked() throws Exception {
        accounts.create("test", "officer1", "Cán bộ Y tế", Role.HEALTH_OFFICER, "01", "officer-password-1", false);
        MockHttpSession session = login("officer1", "officer-password-1");
        // Changes through the session need the CSRF token.
        mvc.perform(post("/api/v1/admin/api-keys").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"label\":\"script\"}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("CSRF_TOKEN_INVALID"));
        MvcResult issued = mvc.perform(post("/api/v1/admin/api-keys").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"script\"}"))
                .andExpect(status().isCreated()).andReturn();
        String body = issued.getResponse().getContentAsString();
        String key = body.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(key).startsWith("bz_");

        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("officer1"))
                .andExpect(jsonPath("$.role").value("HEALTH_OFFICER"))
                .andExpect(jsonPath("$.areaCode").value("01"));
        // No CSRF needed with an API key (no cookie involved); the key listing never shows the secret.
        mvc.perform(get("/api/v1/admin/api-keys").header("X-Api-Key", key)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(key))));
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key + "x")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("INVALID_API_KEY"));
        // A health officer is not an administrator.
        mvc.perform(get("/api/v1/admin/accounts").header("X-Api-Key", key)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("FORBIDDEN"));
        mvc.perform(delete("/api/v1/admin/api-keys/" + id).header("X-Api-Key", key)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/admin/me").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
        assertThat(audit.recent("apikey.issue", 10)).extracting(AuditLog.Entry::actor).contains("officer1");
    }

    @Test
    @Order(6)
    void badInputGetsJson4xxWithStableCodes() throws Exception {
        accounts.create("test", "admin2", null, Role.ADMIN, null, "pw-of-the-second-boss", false);
        MockHttpSession s = login("admin2", "pw-of-the-second-boss");
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"x\", "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"abc\", \"role\": [1,2]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.fields[0].field").value("role"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"abc\", \"role\": \"KING\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_FIELD"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"abc\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields[0].field").value("role"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("MISSING_BODY"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.error").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(put("/api/v1/admin/me").session(s).with(csrf()))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.error").value("METHOD_NOT_ALLOWED"));
        mvc.perform(get("/api/v1/admin/no-such-thing").session(s))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/no-such-thing"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("NOT_FOUND"));
        mvc.perform(delete("/api/v1/admin/api-keys/notanumber").session(s).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_PARAMETER"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"Bad Name\", \"role\": \"COMMUNE\", \"areaCode\": \"00004\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_USERNAME"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"xa.phuc.xa\", \"role\": \"COMMUNE\", \"areaCode\": \"00004\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.oneTimePassword").isString())
                .andExpect(jsonPath("$.official.areaCode").value("00004"));
        mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"xa.phuc.xa\", \"role\": \"COMMUNE\", \"areaCode\": \"00004\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("USERNAME_TAKEN"));
        // A local role without an area would see the whole country (issue 15 §4).
        for (String role : new String[] {"PROVINCE", "DISTRICT", "COMMUNE", "VOLUNTEER", "POLICE", "HEALTH_STATION"}) {
            mvc.perform(post("/api/v1/admin/accounts").session(s).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\": \"no.area\", \"role\": \"" + role + "\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("AREA_REQUIRED"));
        }
    }

    @Test
    @Order(7)
    void openApiIsServedAtApiDocs() throws Exception {
        mvc.perform(get("/api/docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/me']").exists());
    }

    private MockHttpSession login(String user, String password) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(user).password(password)).andExpect(authenticated()).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }
}
