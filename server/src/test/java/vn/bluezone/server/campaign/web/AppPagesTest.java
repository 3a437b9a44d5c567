package vn.bluezone.server.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.campaign.referral.ReferralViews;
import vn.bluezone.server.support.TestDatabase;

/**
 * The public pages that bring people to the app (issue 16): the install page offers the configured APK (size in
 * Vietnamese numbers, the version from the build script's sidecar, SHA-256) and the intent link that opens the
 * installed app with the place code; the APK download (content type, file name, ETag, 304); the referral page
 * (intent link with the referral code, a view counted, nothing about the visitor) and its Vietnamese 404 page.
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.public-url=https://bz.example.vn"})
@AutoConfigureMockMvc
class AppPagesTest {
    static final Path APK_DIR;
    static final byte[] APK_BYTES = new byte[1_234_567];

    static {
        try {
            APK_DIR = Files.createTempDirectory("bz-apk");
            new Random(16).nextBytes(APK_BYTES);
            Files.write(APK_DIR.resolve("bluezone.apk"), APK_BYTES);
            // What android/build-apk.sh writes next to the APK from `aapt dump badging`.
            Files.writeString(APK_DIR.resolve("bluezone.apk.properties"),
                    "package=vn.bluezone.android\nversionCode=3\nversionName=1.2.0\n");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.android.apk", () -> APK_DIR.resolve("bluezone.apk").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired PlaceService places;
    @Autowired ReferralViews views;
    @Autowired CampaignClock clock;

    @Test
    void theInstallPageOffersTheApkAndOpensTheAppWithThePlaceCode() throws Exception {
        Place market = places.create("19873", null, "MARKET", "Chợ Quảng Ngạn", null, "test");
        String page = html(get("/i/" + market.code()), 200);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(APK_BYTES));
        assertThat(page).contains("1,2 MB (1.234.567 byte)", ">1.2.0<", sha,
                "href=\"https://bz.example.vn/download/bluezone.apk\"",
                "href=\"intent://install?place=" + market.code() + "#Intent;scheme=bluezone;package=vn.bluezone.android;"
                        + "S.browser_fallback_url=https%3A%2F%2Fbz.example.vn%2Fdownload%2Fbluezone.apk;end\"")
                .doesNotContain("localhost", "127.0.0.1");
    }

    @Test
    void theApkIsServedAsAnAndroidPackageWithItsHashAsETag() throws Exception {
        MockHttpServletResponse r = mvc.perform(get(ApkDownload.PATH)).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(r.getContentType()).isEqualTo("application/vnd.android.package-archive");
        assertThat(r.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"bluezone-1.2.0.apk\"");
        assertThat(r.getHeader("Cache-Control")).contains("max-age=3600", "public");
        assertThat(r.getContentAsByteArray()).isEqualTo(APK_BYTES);
        String etag = r.getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(APK_BYTES)) + "\"");
        mvc.perform(get(ApkDownload.PATH).header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void theReferralPageInvitesOpensTheAppAndCountsTheView() throws Exception {
        String body = mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"android\",\"appVersion\":\"1.0.0\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonMapper.builder().build().readTree(body).get("referralCode").asString();
        long before = views.views(code, clock.today());
        String page = html(get("/r/" + code), 200);
        assertThat(page).contains("Một người quen mời bạn cài Bluezone", code,
                "href=\"intent://install?ref=" + code + "#Intent;scheme=bluezone;package=vn.bluezone.android;",
                "href=\"https://bz.example.vn/download/bluezone.apk\"").doesNotContain("localhost");
        html(get("/r/" + code.toLowerCase(java.util.Locale.ROOT)), 200); // typed by hand: the same code
        assertThat(views.views(code, clock.today())).isEqualTo(before + 2);
    }

    @Test
    void anUnknownReferralCodeGetsAFriendlyVietnamesePage() throws Exception {
        for (String code : new String[] {"ZZZZ999", "not-a-code", "x".repeat(40)}) {
            MockHttpServletResponse r = mvc.perform(get("/r/" + code)).andExpect(status().isNotFound()).andReturn()
                    .getResponse();
            assertThat(r.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("Không tìm thấy lời mời",
                    "không có trong hệ thống").doesNotContain("\"error\"");
        }
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, int expected)
            throws Exception {
        MockHttpServletResponse r = mvc.perform(req).andExpect(status().is(expected)).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
