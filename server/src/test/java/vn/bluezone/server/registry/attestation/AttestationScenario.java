package vn.bluezone.server.registry.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.DenominatorKind;
import vn.bluezone.server.registry.Denominators;
import vn.bluezone.server.registry.NewFigure;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.support.AndroidKeyChains;
import vn.bluezone.server.support.AttestationFixtures;
import vn.bluezone.server.support.MutableClock;

/**
 * Issue 15 §3 end to end through the real server: phones register and send heartbeats with Play Integrity, App
 * Attest and test verdicts or without any; the ranking API, the console page and cohort compliance count attested
 * installs only and show the others apart ("chưa xác thực"). Run on H2 ({@link AttestationApiTest}) and PostgreSQL
 * ({@link AttestationPostgresIT}).
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(vn.bluezone.server.support.TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttestationScenario {
    static final AttestationFixtures F = new AttestationFixtures();
    static final String QN = "19873"; // Xã Quảng Ngạn
    static final String QC = "19876"; // Xã Quảng Lợi
    static final String TA = "19900"; // Phường Thuận An, another district: the cohort test's phones
    static final String QD = "477"; // Huyện Quảng Điền
    static final String DH = "19822"; // Xã Điền Hương: the Android key attestation test's phones
    static final String PD = "476"; // Huyện Phong Điền
    static final AndroidKeyChains ANDROID = new AndroidKeyChains();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The verifiers' keys, made by the test (subclasses add their database). */
    static void attestation(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("bz-attest");
        Path root = F.writeRoot(dir);
        r.add("bluezone.registry.attestation.test.public-key", F::testPublicKey);
        r.add("bluezone.registry.attestation.play-integrity.package-name", () -> AttestationFixtures.PACKAGE);
        r.add("bluezone.registry.attestation.play-integrity.decryption-key", F::playDecryptionKey);
        r.add("bluezone.registry.attestation.play-integrity.verification-key", F::playVerificationKey);
        r.add("bluezone.registry.attestation.app-attest.app-id", () -> AttestationFixtures.APP_ID);
        r.add("bluezone.registry.attestation.app-attest.root-certificates", root::toString);
        // Android key attestation: the test root in place of Google's, the test app's signing digest.
        Path androidRoot = ANDROID.writeRoot(dir);
        r.add("bluezone.registry.attestation.android-key.root-certificates", androidRoot::toString);
        r.add("bluezone.registry.attestation.android-key.signing-certificate-digests",
                () -> AndroidKeyChains.hex(AndroidKeyChains.SIGNER));
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Denominators denominators;
    @Autowired RegistryClock clock;
    @Autowired MutableClock time;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    void setUp() {
        LocalDate asOf = clock.today().minusDays(30);
        denominators.record(List.of(new NewFigure(QN, DenominatorKind.POPULATION, 1000, asOf, "test"),
                new NewFigure(QC, DenominatorKind.POPULATION, 1000, asOf, "test"),
                new NewFigure(DH, DenominatorKind.POPULATION, 1000, asOf, "test")), "test", u -> true);
        accounts.create("test", "huyen.qd", "UBND huyện Quảng Điền", Role.DISTRICT, QD, "attest-test-password", false);
        accounts.create("test", "huyen.pd", "UBND huyện Phong Điền", Role.DISTRICT, PD, "attest-test-password", false);
        accounts.create("test", "tram.ta", "Trạm Y tế phường Thuận An", Role.HEALTH_STATION, TA,
                "attest-test-password", false);
    }

    UserDetails official(String name) {
        return accounts.loadUserByUsername(name);
    }

    JsonNode register(DeviceRegistration r, int expected) throws Exception {
        String body = mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(r))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    static DeviceRegistration phone(String platform, String commune, String installationId, Attestation a) {
        return new DeviceRegistration(platform, "4.0.0", null, commune, null, null, null, installationId, a);
    }

    JsonNode heartbeat(JsonNode device, Attestation a, int expected) throws Exception {
        String body = mvc.perform(post("/api/v1/devices/" + device.get("deviceId").asString() + "/heartbeat")
                .header("Authorization", "Bearer " + device.get("deviceSecret").asString())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(new Heartbeat(true, "4.0.0", a))))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    Attestation testFor(String bindingText) {
        return F.testAttestation(bindingText, time.instant());
    }

    JsonNode child(JsonNode ranking, String code) {
        for (JsonNode c : ranking.get("children")) {
            if (c.get("unit").get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no " + code);
    }

    JsonNode ranking(String code) throws Exception {
        return ranking(code, "huyen.qd");
    }

    JsonNode ranking(String code, String official) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/admin/statistics/" + code + "/ranking")
                .with(user(official(official)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void anAndroidPhoneAttestedByItsKeystoreCountsInTheRankedRate() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] reg = AttestationBinding.digest(AttestationBinding.registrationText(id));
        JsonNode attested = register(phone("android", DH, id, ANDROID.leaf(reg).attestation()), 201);
        assertThat(jdbc.queryForObject("SELECT attestation_kind FROM device WHERE id = ?", String.class,
                attested.get("deviceId").asString())).isEqualTo("ANDROID_KEY");
        JsonNode plain = register(phone("android", DH, UUID.randomUUID().toString(), null), 201);

        // Refused chains are 400 with their code, and store nothing.
        long devices = jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class);
        String other = UUID.randomUUID().toString();
        byte[] otherReg = AttestationBinding.digest(AttestationBinding.registrationText(other));
        assertThat(register(phone("android", DH, other, ANDROID.leaf(otherReg).unlocked().attestation()), 400)
                .get("error").asString()).isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
        assertThat(register(phone("android", DH, other, ANDROID.leaf(otherReg).signer(new byte[32]).attestation()),
                400).get("error").asString()).isEqualTo("ATTESTATION_WRONG_APP");
        assertThat(register(phone("android", DH, other, new AndroidKeyChains().leaf(otherReg).attestation()), 400)
                .get("error").asString()).isEqualTo("ATTESTATION_INVALID");
        assertThat(register(phone("android", DH, other, ANDROID.leaf(reg).attestation()), 400)
                .get("error").asString()).as("a chain made for another registration").isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(register(phone("android", DH, other, new Attestation("ANDROID_KEY", "%%%", null)), 400)
                .get("error").asString()).isEqualTo("BAD_ATTESTATION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class)).isEqualTo(devices);

        JsonNode dh = child(ranking(PD, "huyen.pd"), DH);
        assertThat(List.of(dh.get("installs").asLong(), dh.get("attestedInstalls").asLong(),
                dh.get("unattestedInstalls").asLong())).containsExactly(2L, 1L, 1L);
        assertThat(dh.get("populationRate").asDouble()).as("the attested install alone").isEqualTo(0.001);

        // The unattested phone's keystore attests it with a heartbeat, bound to its device id.
        String plainId = plain.get("deviceId").asString();
        byte[] beat = AttestationBinding.digest(AttestationBinding.heartbeatText(plainId));
        assertThat(heartbeat(plain, ANDROID.leaf(AttestationBinding.digest(AttestationBinding.heartbeatText(
                attested.get("deviceId").asString()))).attestation(), 400).get("error").asString())
                .isEqualTo("ATTESTATION_WRONG_NONCE");
        heartbeat(plain, ANDROID.leaf(beat).attestation(), 200);
        dh = child(ranking(PD, "huyen.pd"), DH);
        assertThat(List.of(dh.get("attestedInstalls").asLong(), dh.get("unattestedInstalls").asLong()))
                .containsExactly(2L, 0L);
        assertThat(dh.get("populationRate").asDouble()).isEqualTo(0.002);
    }

    @Test
    void attestedInstallsAloneMakeTheRankedRateAndTheOthersAreShownApart() throws Exception {
        // Quảng Ngạn: a Play Integrity install, an App Attest install, an unattested one.
        String idA = UUID.randomUUID().toString();
        String nonceA = AttestationBinding.nonce(AttestationBinding.registrationText(idA));
        register(phone("android", QN, idA, F.playAttestation(AttestationFixtures.playVerdict(nonceA,
                AttestationFixtures.PACKAGE, time.instant()))), 201);
        String idB = UUID.randomUUID().toString();
        KeyPair iphone = AttestationFixtures.ec();
        String keyId = AttestationFixtures.keyId(iphone);
        JsonNode b = register(phone("ios", QN, idB, new Attestation(Attestation.APP_ATTEST, F.attestationObject(iphone,
                AttestationFixtures.APP_ID, AttestationBinding.digest(AttestationBinding.registrationText(idB))), keyId)),
                201);
        JsonNode c = register(phone("android", QN, UUID.randomUUID().toString(), null), 201);
        // Quảng Công: one attested by the test verifier, two unattested.
        String idD = UUID.randomUUID().toString();
        register(phone("android", QC, idD, testFor(AttestationBinding.registrationText(idD))), 201);
        JsonNode e = register(phone("android", QC, null, null), 201);
        register(phone("android", QC, null, null), 201);

        // Refused attestations are errors with stable codes, and nothing is stored.
        long devices = jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class);
        assertThat(register(phone("android", QN, null, testFor("x")), 400).get("error").asString())
                .isEqualTo("ATTESTATION_NEEDS_INSTALLATION_ID");
        assertThat(register(phone("android", QN, UUID.randomUUID().toString(),
                testFor(AttestationBinding.registrationText(idD))), 400).get("error").asString())
                .isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(register(phone("android", QN, UUID.randomUUID().toString(), new Attestation("SAFETYNET", "x", null)),
                400).get("error").asString()).isEqualTo("BAD_ATTESTATION");
        String idX = UUID.randomUUID().toString();
        assertThat(register(phone("android", QN, idX, F.playAttestation(AttestationFixtures.playVerdict(
                AttestationBinding.nonce(AttestationBinding.registrationText(idX)), "com.example.clone",
                time.instant()))), 400).get("error").asString()).isEqualTo("ATTESTATION_WRONG_APP");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class)).isEqualTo(devices);

        JsonNode r = ranking(QD);
        JsonNode qn = child(r, QN);
        JsonNode qc = child(r, QC);
        assertThat(List.of(qn.get("installs").asLong(), qn.get("attestedInstalls").asLong(),
                qn.get("unattestedInstalls").asLong())).containsExactly(3L, 2L, 1L);
        assertThat(List.of(qc.get("installs").asLong(), qc.get("attestedInstalls").asLong(),
                qc.get("unattestedInstalls").asLong())).containsExactly(3L, 1L, 2L);
        assertThat(qn.get("populationRate").asDouble()).isEqualTo(0.002);
        assertThat(qc.get("populationRate").asDouble()).isEqualTo(0.001);
        assertThat(r.get("children").get(0).get("unit").get("code").asString()).isEqualTo(QN);
        // Parents are the sum of their children, attested installs too.
        assertThat(r.get("parent").get("attestedInstalls").asLong()).isEqualTo(3);
        assertThat(r.get("parent").get("unattestedInstalls").asLong()).isEqualTo(3);

        // A heartbeat that carries a verdict attests an install registered without one; a verdict made for
        // another device is refused.
        assertThat(heartbeat(e, testFor(AttestationBinding.heartbeatText(c.get("deviceId").asString())), 400)
                .get("error").asString()).isEqualTo("ATTESTATION_WRONG_NONCE");
        heartbeat(e, testFor(AttestationBinding.heartbeatText(e.get("deviceId").asString())), 200);
        heartbeat(e, testFor(AttestationBinding.heartbeatText(e.get("deviceId").asString())), 200);
        JsonNode qc2 = child(ranking(QD), QC);
        assertThat(List.of(qc2.get("attestedInstalls").asLong(), qc2.get("unattestedInstalls").asLong()))
                .as("counted once").containsExactly(2L, 1L);
        assertThat(qc2.get("populationRate").asDouble()).isEqualTo(0.002);

        // The iPhone's heartbeats carry assertions with a growing counter; a replayed one is refused.
        byte[] beatB = AttestationBinding.digest(AttestationBinding.heartbeatText(b.get("deviceId").asString()));
        Attestation first = new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(iphone, AttestationFixtures.APP_ID, 1, beatB), keyId);
        heartbeat(b, first, 200);
        assertThat(heartbeat(b, first, 400).get("error").asString()).isEqualTo("ATTESTATION_REPLAYED");
        heartbeat(b, new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(iphone, AttestationFixtures.APP_ID, 2, beatB), keyId), 200);
        // The same key cannot attest a second install.
        assertThat(heartbeat(c, new Attestation(Attestation.APP_ATTEST, AttestationFixtures.assertion(iphone,
                AttestationFixtures.APP_ID, 3, AttestationBinding.digest(AttestationBinding.heartbeatText(
                        c.get("deviceId").asString()))), keyId), 400).get("error").asString())
                .isEqualTo("ATTESTATION_UNKNOWN_KEY");

        // The console shows the unattested installs apart, in Vietnamese and English.
        String page = mvc.perform(get("/console/statistics/" + QD).with(user(official("huyen.qd"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Chưa xác thực: 2 lượt cài (không tính vào tỉ lệ)", "<th class=\"num\">Chưa xác thực</th>");
        String en = mvc.perform(get("/console/statistics/" + QD).param("lang", "en")
                .with(user(official("huyen.qd")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(en).contains("Unattested: 2 installs (not in the rates)");
    }

    @Test
    void aCohortPersonIsCompliantOnlyWithAnAttestedInstallThatKeepsSendingHeartbeats() throws Exception {
        UserDetails tram = official("tram.ta");
        LocalDate today = clock.today();
        JsonNode person = JSON.readTree(mvc.perform(post("/api/v1/admin/campaign/communes/" + TA + "/cohort-people")
                .with(user(tram)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Lê Văn Hùng\",\"phone\":\"0912 000 111\",\"address\":\"Thôn Tân Mỹ\","
                        + "\"cohort\":\"HOME_QUARANTINE\",\"startDate\":\"" + today.minusDays(1) + "\",\"endDate\":\""
                        + today.plusDays(10) + "\"}")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString());
        long id = person.get("person").get("id").asLong();
        JsonNode phone = register(phone("android", TA, UUID.randomUUID().toString(), null), 201);
        mvc.perform(post("/api/v1/admin/campaign/cohort-people/" + id + "/verify").with(user(tram)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"installCode\":\"" + phone.get("installCode").asString() + "\"}"))
                .andExpect(status().isOk());

        // A scripted heartbeat from an unattested install: verified, sending, yet not compliant.
        heartbeat(phone, null, 200);
        JsonNode view = personView(id);
        assertThat(view.get("active").asBoolean()).isFalse();
        assertThat(view.get("reason").asString()).isEqualTo("UNATTESTED");
        JsonNode row = compliance();
        assertThat(List.of(row.get("verified").asLong(), row.get("active").asLong(), row.get("unattested").asLong()))
                .containsExactly(1L, 0L, 1L);
        String page = mvc.perform(get("/console/campaign/cohorts").param("commune", TA).with(user(tram)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cài chưa xác thực");

        // The same phone attests itself with its next heartbeat: compliant.
        heartbeat(phone, testFor(AttestationBinding.heartbeatText(phone.get("deviceId").asString())), 200);
        view = personView(id);
        assertThat(view.get("active").asBoolean()).isTrue();
        assertThat(view.has("reason") && !view.get("reason").isNull()).as("no reason once compliant").isFalse();
        row = compliance();
        assertThat(List.of(row.get("active").asLong(), row.get("unattested").asLong())).containsExactly(1L, 0L);

        // Attested but silent for more than 48 hours: not compliant, for that reason.
        time.set(time.instant().plus(java.time.Duration.ofHours(50)));
        try {
            assertThat(personView(id).get("reason").asString()).isEqualTo("NOT_ACTIVE");
        } finally {
            time.set(java.time.Instant.now());
        }
    }

    JsonNode personView(long id) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/admin/campaign/cohort-people/" + id)
                .with(user(official("tram.ta")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    JsonNode compliance() throws Exception {
        JsonNode rows = JSON.readTree(mvc.perform(get("/api/v1/admin/campaign/areas/" + TA + "/cohort-compliance")
                .with(user(official("tram.ta")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode r : rows) {
            if (r.get("unitCode").asString().equals(TA)) {
                return r;
            }
        }
        throw new AssertionError("no compliance row for " + TA);
    }
}
