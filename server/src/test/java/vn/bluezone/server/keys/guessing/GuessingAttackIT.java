package vn.bluezone.server.keys.guessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.verification.ProofOfWork;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;
import vn.bluezone.server.web.limits.NetworkPrefix;

/**
 * A simulated guessing attack on {@code POST /api/v1/verify} (issue 15 §2), in process, bounded in count: over one
 * short code's 15-minute life an attacker sends {@value #PER_SECOND} guesses every simulated second, each from the
 * next address of a pool of {@value #ADDRESSES} (the issue's count), 10 per /24 and 10 per /56 prefix, so that
 * no per-address or per-prefix limit ever binds: only the server-wide guess budget does. The figure is the number
 * of guesses the server actually checked during the code's life; the chance that they hit one given 8-digit code
 * is 1 - (1 - 10^-8)^checked. Meanwhile a real phone enters its code and gets its token. The server's defaults
 * apply, except a proof-of-work difficulty of 12 bits so that the test solves challenges quickly (the bound does
 * not depend on it). Defaults give 24 checked guesses a window of 5 minutes at most.
 */
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
        "bluezone.keys.guessing.pow-difficulty=12"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class GuessingAttackIT {
    static final int ADDRESSES = 44_851;
    static final int PER_SECOND = 6;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;

    String officerKey;
    int next;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @BeforeEach
    void officer() {
        clock.advance(Duration.ofHours(1)); // each test in its own windows, earlier codes expired
        String name = "attack" + System.nanoTime() % 1_000_000;
        officerKey = apiKeys.issue(accounts.create("test", name, null, Role.HEALTH_OFFICER, "01", "officer-password",
                false), "test").key();
    }

    /** The attacker's i-th address: 10 per IPv4 /24 and 10 per IPv6 /56, in turn. */
    static String address(int i) {
        int net = i / 20;
        int host = i % 20;
        if (host < 10) {
            return "100." + (64 + net / 256 % 64) + "." + (net % 256) + "." + (host + 1);
        }
        return String.format(Locale.ROOT, "2001:db8:%x:%x00::%x", net / 256, net % 256, host);
    }

    record Outcome(int status, String error, JsonNode body) {
    }

    Outcome verify(String address, Map<String, Object> body) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/verify").with(q -> {
            q.setRemoteAddr(address);
            return q;
        }).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn().getResponse();
        JsonNode n = JSON.readTree(r.getContentAsString());
        return new Outcome(r.getStatus(), n.path("error").asString(""), n);
    }

    Map<String, Object> solved(String address, String code) throws Exception {
        JsonNode c = JSON.readTree(mvc.perform(get("/api/v1/verify/challenge").with(q -> {
            q.setRemoteAddr(address);
            return q;
        })).andReturn().getResponse().getContentAsString());
        String challenge = c.get("challenge").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("powChallenge", challenge);
        body.put("powNonce", ProofOfWork.solve(challenge, c.get("difficulty").asInt()));
        return body;
    }

    JsonNode issue() throws Exception {
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).minusDays(2);
        return JSON.readTree(mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", officerKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportType\":\"CONFIRMED_TEST\",\"testDate\":\"" + day + "\"}"))
                .andReturn().getResponse().getContentAsString());
    }

    /** What the attack achieved over one code's life. */
    record Result(int requests, int checked, int refused, int powRequired, Set<String> prefixes, String phone) {
        double probability() {
            return -Math.expm1(checked * Math.log1p(-1e-8));
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "GUESSING ATTACK (%s): %,d guesses from %,d addresses in %,d prefixes over "
                            + "15 min; checked %d, refused %,d (%,d of them PROOF_OF_WORK_REQUIRED); "
                            + "P(one 8-digit code guessed in its life) = %.2e; real phone: %s%n", name, requests,
                    Math.min(requests, ADDRESSES), prefixes.size(), checked, refused, powRequired, probability(), phone);
        }
    }

    /**
     * 15 simulated minutes from the issue of {@code realCode}; the phone enters it after 7.5 minutes. When
     * {@code attackerSolves}, the attacker also solves every proof of work asked of it.
     */
    Result attack(String realCode, boolean attackerSolves, boolean phoneUsesLongCode, String longCode) throws Exception {
        Random random = new Random(15);
        Instant end = clock.instant().plus(Duration.ofMinutes(15));
        int requests = 0;
        int checked = 0;
        int refused = 0;
        int powRequired = 0;
        Set<String> prefixes = new TreeSet<>();
        String phone = "not tried";
        for (int second = 0; clock.instant().isBefore(end); second++) {
            if (second == 450) {
                phone = phone(realCode, phoneUsesLongCode, longCode);
            }
            for (int k = 0; k < PER_SECOND; k++) {
                String address = address(next++ % ADDRESSES);
                prefixes.add(NetworkPrefix.of(address).value());
                Map<String, Object> guess = Map.of("code", String.format("%08d", random.nextInt(100_000_000)));
                Outcome o = verify(address, guess);
                if (o.error().equals("PROOF_OF_WORK_REQUIRED") && attackerSolves) {
                    powRequired++;
                    o = verify(address, solved(address, (String) guess.get("code")));
                }
                requests++;
                if (o.status() == 200 || o.error().startsWith("CODE_")) {
                    checked++;
                } else {
                    assertThat(o.status()).as(o.body().toString()).isEqualTo(429);
                    refused++;
                    powRequired += o.error().equals("PROOF_OF_WORK_REQUIRED") ? 1 : 0;
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }
        return new Result(requests, checked, refused, powRequired, prefixes, phone);
    }

    /** A phone's verify as the device client does it: the code, and on PROOF_OF_WORK_REQUIRED the work. */
    String phone(String shortCode, boolean useLongCode, String longCode) throws Exception {
        String address = "192.0.2.44";
        String code = useLongCode ? longCode : shortCode;
        Outcome first = verify(address, Map.of("code", code));
        if (first.status() == 200) {
            return "token at once";
        }
        if (!first.error().equals("PROOF_OF_WORK_REQUIRED")) {
            return first.status() + " " + first.error();
        }
        Outcome second = verify(address, solved(address, code));
        return second.status() == 200 ? "token after proof of work" : second.status() + " " + second.error();
    }

    @Test
    void aFloodWithoutProofOfWorkIsHeldAndARealPhoneGetsThrough() throws Exception {
        for (int i = 0; i < 19; i++) {
            issue(); // other cases' codes outstanding: the budget is at its cap
        }
        JsonNode real = issue();
        Result r = attack(real.get("shortCode").asString(), false, false, null);
        r.print("scripted guesses");
        assertThat(r.requests()).isEqualTo(900 * PER_SECOND);
        assertThat(r.prefixes()).hasSizeGreaterThan(250);
        assertThat(r.checked()).isLessThanOrEqualTo(4 * 12); // half of each of at most 4 windows' budget
        assertThat(r.checked()).isGreaterThan(0);
        assertThat(r.probability()).isLessThan(1e-6);
        assertThat(r.phone()).isEqualTo("token after proof of work");
    }

    @Test
    void aFloodThatSolvesEveryProofOfWorkIsStillCappedAndTheSmsCodeGetsThrough() throws Exception {
        for (int i = 0; i < 19; i++) {
            issue();
        }
        JsonNode real = issue();
        Result r = attack(real.get("shortCode").asString(), true, true, real.get("longCode").asString());
        r.print("guesses with solved proofs of work");
        assertThat(r.powRequired()).isGreaterThan(0);
        assertThat(r.checked()).isLessThanOrEqualTo(4 * 24); // the cap of at most 4 windows
        assertThat(r.probability()).isLessThan(1e-6);
        assertThat(r.phone()).isEqualTo("token at once"); // 16-character SMS codes are never budgeted
    }
}
