package vn.bluezone.server.registry.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bluezone.server.support.AttestationFixtures.APP_ID;
import static vn.bluezone.server.support.AttestationFixtures.PACKAGE;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;
import vn.bluezone.server.registry.RegistryTestSupport;
import vn.bluezone.server.support.AttestationFixtures;
import vn.bluezone.server.problem.DomainException;

/**
 * The three verifiers with keys and tokens the test makes (no vendor call): a valid token passes; a wrong nonce, a
 * wrong app, an old verdict, a bad signature and a replayed App Attest counter are each refused with their code.
 */
class DeviceAttestationTest extends RegistryTestSupport {
    static final AttestationFixtures F = new AttestationFixtures();
    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Autowired
    JdbcTemplate jdbc;

    static String code(Executable call) {
        try {
            call.execute();
        } catch (DomainException e) {
            return e.code();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("not refused");
    }

    static byte[] binding(String installationId) {
        return AttestationBinding.digest(AttestationBinding.registrationText(installationId));
    }

    PlayIntegrityVerifier play() {
        return new PlayIntegrityVerifier(new AttestationProperties.PlayIntegrity(PACKAGE, F.playDecryptionKey(),
                F.playVerificationKey(), Duration.ofMinutes(10), List.of()), CLOCK);
    }

    @Test
    void playIntegrityVerdictsAreDecryptedVerifiedAndChecked() {
        PlayIntegrityVerifier v = play();
        String id = UUID.randomUUID().toString();
        String nonce = AttestationBinding.nonce(AttestationBinding.registrationText(id));
        Map<String, Object> good = AttestationFixtures.playVerdict(nonce, PACKAGE, NOW.minusSeconds(30));
        assertThat(v.verify(F.playAttestation(good), binding(id)).kind()).isEqualTo(Attestation.PLAY_INTEGRITY);

        assertThat(code(() -> v.verify(F.playAttestation(good), binding(UUID.randomUUID().toString()))))
                .isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(code(() -> v.verify(F.playAttestation(AttestationFixtures.playVerdict(nonce, "com.example.fake",
                NOW)), binding(id)))).isEqualTo("ATTESTATION_WRONG_APP");
        assertThat(code(() -> v.verify(F.playAttestation(AttestationFixtures.playVerdict(nonce, PACKAGE,
                NOW.minus(Duration.ofMinutes(11)))), binding(id)))).isEqualTo("ATTESTATION_EXPIRED");
        assertThat(code(() -> v.verify(F.playAttestation(AttestationFixtures.playVerdict(nonce, PACKAGE,
                NOW.plus(Duration.ofMinutes(5)))), binding(id)))).isEqualTo("ATTESTATION_EXPIRED");
        // Signed by another key, or encrypted with another key: not Google's verdict for this app.
        Attestation forged = new Attestation(Attestation.PLAY_INTEGRITY,
                AttestationFixtures.playToken(good, AttestationFixtures.ec(), F.playAes), null);
        assertThat(code(() -> v.verify(forged, binding(id)))).isEqualTo("ATTESTATION_INVALID");
        Attestation otherKey = new Attestation(Attestation.PLAY_INTEGRITY,
                AttestationFixtures.playToken(good, F.playKey, AttestationFixtures.random(32)), null);
        assertThat(code(() -> v.verify(otherKey, binding(id)))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(new Attestation(Attestation.PLAY_INTEGRITY, "not.a.token", null), binding(id))))
                .isEqualTo("ATTESTATION_INVALID");

        Map<String, Object> unrecognised = AttestationFixtures.playVerdict(nonce, PACKAGE, NOW);
        unrecognised.put("appIntegrity", Map.of("appRecognitionVerdict", "UNRECOGNIZED_VERSION"));
        assertThat(code(() -> v.verify(F.playAttestation(unrecognised), binding(id))))
                .isEqualTo("ATTESTATION_WRONG_APP");
        Map<String, Object> rooted = AttestationFixtures.playVerdict(nonce, PACKAGE, NOW);
        rooted.put("deviceIntegrity", Map.of("deviceRecognitionVerdict", List.of("MEETS_BASIC_INTEGRITY")));
        assertThat(code(() -> v.verify(F.playAttestation(rooted), binding(id))))
                .isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
    }

    AppAttestVerifier appAttest() {
        return new AppAttestVerifier(APP_ID, List.of(F.root), false, new AppAttestKeys(jdbc), CLOCK);
    }

    @Test
    void appAttestKeysAreAttestedOnceThenAssertWithAGrowingCounter() {
        AppAttestVerifier v = appAttest();
        KeyPair key = AttestationFixtures.ec();
        String keyId = AttestationFixtures.keyId(key);
        String id = UUID.randomUUID().toString();
        byte[] reg = binding(id);

        // The attestation object: a wrong nonce, another app, or a chain to an unknown root are refused.
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                F.attestationObject(key, APP_ID, binding("other")), keyId), reg))).isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                F.attestationObject(key, "ZZZZZ99999.com.example.fake", reg), keyId), reg)))
                .isEqualTo("ATTESTATION_WRONG_APP");
        KeyPair rogue = AttestationFixtures.ec();
        AttestationFixtures other = new AttestationFixtures();
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST, other.attestationObject(key, APP_ID,
                reg), keyId), reg))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST, F.attestationObject(key, APP_ID, reg),
                AttestationFixtures.keyId(rogue)), reg))).isEqualTo("ATTESTATION_INVALID");
        assertThat(v.verify(new Attestation(Attestation.APP_ATTEST, F.attestationObject(key, APP_ID, reg), keyId), reg)
                .keyId()).isEqualTo(keyId);
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST, F.attestationObject(key, APP_ID, reg),
                keyId), reg))).as("a key is attested once").isEqualTo("ATTESTATION_REPLAYED");

        // Assertions: signed by the attested key, for this request, with a counter that grows.
        byte[] beat = AttestationBinding.digest(AttestationBinding.heartbeatText(UUID.randomUUID().toString()));
        assertThat(v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(key, APP_ID, 1, beat), keyId), beat).keyId()).isEqualTo(keyId);
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(key, APP_ID, 1, beat), keyId), beat))).isEqualTo("ATTESTATION_REPLAYED");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(key, APP_ID, 5, beat), keyId), reg))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(rogue, APP_ID, 6, beat), keyId), beat))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(key, "ZZZZZ99999.com.example.fake", 7, beat), keyId), beat)))
                .isEqualTo("ATTESTATION_WRONG_APP");
        assertThat(v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(key, APP_ID, 8, beat), keyId), beat).kind()).isEqualTo("APP_ATTEST");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST,
                AttestationFixtures.assertion(rogue, APP_ID, 1, beat), AttestationFixtures.keyId(rogue)), beat)))
                .isEqualTo("ATTESTATION_UNKNOWN_KEY");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST, "%%%", keyId), beat)))
                .isEqualTo("BAD_ATTESTATION");
        assertThat(code(() -> v.verify(new Attestation(Attestation.APP_ATTEST, "AAAA", keyId), beat)))
                .isEqualTo("ATTESTATION_INVALID");
    }

    @Test
    void theTestVerifierChecksItsKeyNonceAndAge() {
        TestAttestationVerifier v = new TestAttestationVerifier(new AttestationProperties.Test(F.testPublicKey(),
                Duration.ofMinutes(10)), CLOCK);
        String text = AttestationBinding.heartbeatText(UUID.randomUUID().toString());
        byte[] b = AttestationBinding.digest(text);
        assertThat(v.verify(F.testAttestation(text, NOW), b).kind()).isEqualTo("TEST");
        assertThat(code(() -> v.verify(F.testAttestation(text + "x", NOW), b))).isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(code(() -> v.verify(F.testAttestation(text, NOW.minus(Duration.ofHours(1))), b)))
                .isEqualTo("ATTESTATION_EXPIRED");
        assertThat(code(() -> v.verify(AttestationFixtures.testAttestation(AttestationFixtures.ec(), text, NOW), b)))
                .isEqualTo("ATTESTATION_INVALID");
    }

    @Test
    void cborRefusesTruncatedAndOversizedInput() {
        byte[] ok = Cbor.encode(Map.of("a", new byte[] {1, 2}, "n", List.of(1L, -5L, "x")));
        assertThat(Cbor.decode(ok)).isInstanceOf(Map.class);
        assertThatThrownBy(() -> Cbor.decode(java.util.Arrays.copyOf(ok, ok.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cbor.decode(new byte[] {(byte) 0x5a, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cbor.decode(new byte[] {(byte) 0x9f})).isInstanceOf(IllegalArgumentException.class);
    }
}
