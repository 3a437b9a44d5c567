package vn.bluezone.server.keys.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.TestDatabase;

/**
 * The F0 code page with the configured HTTP SMS gateway (a fake one on a loopback port): the patient's phone and
 * the long code reach the gateway, and a gateway error is shown to the officer with its code, in their language.
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.sms.gateway-token=gw-token",
    "bluezone.keys.sms.timeout=2s"})
@AutoConfigureMockMvc
class SmsGatewayPageIT {
    static final FakeSmsGateway GATEWAY = start();

    static FakeSmsGateway start() {
        try {
            return new FakeSmsGateway();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.keys.sms.gateway-url", () -> GATEWAY.url().toString());
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    private String issue(String user, String lang, String reference) throws Exception {
        return mvc.perform(post("/console/codes").param("lang", lang).with(csrf())
                        .with(user(accounts.loadUserByUsername(user)))
                        .param("reportType", "CONFIRMED_TEST")
                        .param("testDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString())
                        .param("caseReference", reference).param("phone", "0912 345 678"))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theGatewayGetsTheTextAndItsErrorsReachTheOfficer() throws Exception {
        accounts.create("test", "yte.sms", "Cán bộ CDC", Role.HEALTH_OFFICER, "46", "health-pass-1", false);

        GATEWAY.status = 200;
        String sent = issue("yte.sms", "vi", "F0-2026/0301");
        assertThat(sent).contains("Đã gửi mã dài qua tin nhắn.");
        FakeSmsGateway.Received r = GATEWAY.received.get(GATEWAY.received.size() - 1);
        assertThat(r.authorization()).isEqualTo("Bearer gw-token");
        assertThat(r.body()).contains("\"to\":\"+84912345678\"");
        String longCode = sent.replaceAll("(?s).*id=\"long-code\"[^>]*>([^<]+)<.*", "$1").trim();
        assertThat(longCode).isNotBlank();
        assertThat(r.body()).contains(longCode);

        GATEWAY.status = 503;
        String refused = issue("yte.sms", "vi", "F0-2026/0302");
        assertThat(refused).contains("Không gửi được tin nhắn: cổng tin nhắn từ chối (mã lỗi 503)")
                .doesNotContain("Đã gửi mã dài");
        assertThat(issue("yte.sms", "en", "F0-2026/0303"))
                .contains("the SMS gateway refused it (error 503)");

        GATEWAY.status = 200;
        GATEWAY.delayMillis = 6_000;
        long start = System.nanoTime();
        String slow = issue("yte.sms", "vi", "F0-2026/0304");
        assertThat((System.nanoTime() - start) / 1_000_000).as("page answer with a silent gateway (ms)")
                .isLessThan(5_000);
        assertThat(slow).contains("cổng tin nhắn không trả lời kịp");
        GATEWAY.delayMillis = 0;
    }
}
