package vn.bluezone.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/** Issue 15 §4: failed console logins are audited and slowed down per account and per address, with growing delays. */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class LoginThrottleTest {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AuditLog audit;
    @Autowired LoginThrottle throttle;
    @Autowired MutableClock clock;

    static MockHttpServletRequestBuilder login(String user, String password, String address) {
        return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    @Test
    void wrongPasswordsAreAuditedAndSlowedDownThenTheRightOneWorksAfterTheWait() throws Exception {
        accounts.create("test", "tinh.admin", null, Role.ADMIN, null, "right-password-42", false);
        int auditedBefore = audit.recent("login.failure", 1000).size();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            mvc.perform(login("tinh.admin", "wrong-" + i, "203.0.113.5"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(audit.recent("login.failure", 1000)).hasSize(auditedBefore + 5)
                .first().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("tinh.admin");
                    assertThat(e.details()).contains("address=203.0.113.5", "failures=5");
                });
        // Now even the right password waits (and is not checked): 2 s after the 5th failure.
        mvc.perform(login("tinh.admin", "right-password-42", "198.51.100.9"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?throttled=2"))
                .andExpect(header().string("Retry-After", "2"));
        assertThat(audit.recent("login.throttled", 10)).first()
                .satisfies(e -> assertThat(e.details()).contains("wait=2s"));
        // Growing delays: 2, 4, 8, 16 s ...
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(login("tinh.admin", "wrong-6", "127.0.0.1")).andExpect(redirectedUrl("/login?error"));
        assertThat(throttle.waitSeconds("tinh.admin", "192.0.2.1")).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        mvc.perform(login("tinh.admin", "wrong-7", "127.0.0.1")).andExpect(redirectedUrl("/login?error"));
        assertThat(throttle.waitSeconds("TINH.ADMIN", "192.0.2.1")).isEqualTo(8);
        clock.advance(Duration.ofSeconds(8));
        mvc.perform(login("tinh.admin", "right-password-42", "127.0.0.1")).andExpect(authenticated());
        // A success clears the account's count.
        assertThat(throttle.waitSeconds("tinh.admin", "192.0.2.1")).isZero();
        mvc.perform(login("tinh.admin", "wrong-again", "127.0.0.1")).andExpect(redirectedUrl("/login?error"));
        assertThat(throttle.waitSeconds("tinh.admin", "192.0.2.1")).isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownToo() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            mvc.perform(login("nobody" + i, "guess-" + i, "203.0.113.77"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("someone.else", "guess", "203.0.113.77"))
                .andExpect(redirectedUrl("/login?throttled=2"));
        // Other addresses are not affected.
        mvc.perform(login("someone.else", "guess", "203.0.113.78"))
                .andExpect(redirectedUrl("/login?error"));
        // A control character in the typed name is audited harmlessly.
        mvc.perform(login("bad\u0000name", "guess", "203.0.113.79"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(audit.recent("login.failure", 1)).first().satisfies(e -> assertThat(e.actor()).isEqualTo("bad?name"));
    }
}
