package vn.bluezone.server.registry.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bluezone.server.registry.attestation.DeviceAttestationTest.code;
import static vn.bluezone.server.support.AndroidKeyChains.PACKAGE;
import static vn.bluezone.server.support.AndroidKeyChains.SIGNER;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;
import vn.bluezone.server.support.AndroidKeyChains;
import vn.bluezone.server.support.AttestationFixtures;
import vn.bluezone.server.support.MutableClock;

/**
 * Android Key Attestation with chains the test builds (a test root configured in place of Google's): the valid case,
 * and each way a chain is refused, with its stable code. Also Google's shipped roots, and Play Integrity's signing
 * certificate digest.
 */
class AndroidKeyAttestationTest {
    static final AndroidKeyChains K = new AndroidKeyChains();
    final MutableClock clock = new MutableClock(Instant.now());

    @TempDir
    Path dir;

    static byte[] binding(String installationId) {
        return AttestationBinding.digest(AttestationBinding.registrationText(installationId));
    }

    AndroidKeyAttestationVerifier verifier(List<String> digests, AttestationStatusList statusList) {
        return new AndroidKeyAttestationVerifier(PACKAGE, List.of(K.root),
                new SigningDigests(digests, "digests"), statusList, clock);
    }

    AndroidKeyAttestationVerifier verifier() {
        return verifier(List.of(AndroidKeyChains.hex(SIGNER)), AttestationStatusList.none());
    }

    @Test
    void aGenuineLockedPhoneRunningOurAppIsAccepted() {
        byte[] reg = binding(UUID.randomUUID().toString());
        assertThat(verifier().verify(K.leaf(reg).attestation(), reg).kind()).isEqualTo(Attestation.ANDROID_KEY);
        // StrongBox too; and a chain sent without its root (the top is signed by the configured root).
        assertThat(verifier().verify(K.leaf(reg).securityLevel(2).attestation(), reg).kind()).isEqualTo("ANDROID_KEY");
        assertThat(verifier().verify(K.leaf(reg).above(List.of(K.ca)).attestation(), reg).kind())
                .isEqualTo("ANDROID_KEY");
        // Digests written with colons in upper case, as keytool prints them, or base64: the same digest.
        String colons = String.join(":", AndroidKeyChains.hex(SIGNER).toUpperCase().split("(?<=\\G..)"));
        assertThat(verifier(List.of(colons), AttestationStatusList.none()).verify(K.leaf(reg).attestation(), reg))
                .isNotNull();
        assertThat(verifier(List.of(Base64.getEncoder().encodeToString(SIGNER)), AttestationStatusList.none())
                .verify(K.leaf(reg).attestation(), reg)).isNotNull();
        // No digest configured: any signer of a package with our name.
        assertThat(verifier(List.of(), AttestationStatusList.none()).verify(K.leaf(reg).signer(new byte[32])
                .attestation(), reg)).isNotNull();
    }

    @Test
    void thePhonesExpiredCopyOfTheRootIsJudgedByTheConfiguredRoot() {
        // A phone may carry an earlier issue of Google's RSA root (the 2016 one expired in 2026); later issues keep
        // its key. The chain's top, matched by key, is replaced by the configured root.
        X509Certificate oldIssue = AndroidKeyChains.certificate(AndroidKeyChains.ROOT, K.rootKey,
                AndroidKeyChains.ROOT, K.rootKey, true, Instant.parse("2016-05-26T00:00:00Z"),
                Instant.parse("2026-05-24T00:00:00Z"), BigInteger.valueOf(2016), null);
        byte[] reg = binding(UUID.randomUUID().toString());
        assertThat(verifier().verify(K.leaf(reg).above(List.of(K.ca, oldIssue)).attestation(), reg)).isNotNull();
    }

    @Test
    void eachWayAChainFailsHasItsCode() {
        AndroidKeyAttestationVerifier v = verifier();
        byte[] reg = binding(UUID.randomUUID().toString());
        byte[] other = binding(UUID.randomUUID().toString());
        assertThat(code(() -> v.verify(K.leaf(other).attestation(), reg))).isEqualTo("ATTESTATION_WRONG_NONCE");
        assertThat(code(() -> v.verify(K.leaf(reg).securityLevel(0).attestation(), reg)))
                .as("software keystore").isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
        assertThat(code(() -> v.verify(K.leaf(reg).unlocked().attestation(), reg)))
                .as("unlocked bootloader").isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
        for (int state : new int[] {1, 2, 3}) { // SelfSigned, Unverified, Failed
            assertThat(code(() -> v.verify(K.leaf(reg).bootState(state).attestation(), reg)))
                    .as("boot state " + state).isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
        }
        assertThat(code(() -> v.verify(K.leaf(reg).withoutRootOfTrust().attestation(), reg)))
                .isEqualTo("ATTESTATION_DEVICE_NOT_TRUSTED");
        assertThat(code(() -> v.verify(K.leaf(reg).packageName("com.example.clone").attestation(), reg)))
                .isEqualTo("ATTESTATION_WRONG_APP");
        assertThat(code(() -> v.verify(K.leaf(reg).signer(AttestationFixtures.random(32)).attestation(), reg)))
                .as("re-signed copy of the app").isEqualTo("ATTESTATION_WRONG_APP");

        // Chains: a leaf not signed by the intermediate, a chain to another root, a missing intermediate.
        assertThat(code(() -> v.verify(K.leaf(reg).signedBy(AttestationFixtures.ec()).attestation(), reg)))
                .isEqualTo("ATTESTATION_INVALID");
        AndroidKeyChains foreign = new AndroidKeyChains();
        assertThat(code(() -> v.verify(foreign.leaf(reg).attestation(), reg))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(K.leaf(reg).above(List.of(K.root)).attestation(), reg)))
                .isEqualTo("ATTESTATION_INVALID");
        // A software attestation chains to Android's software root, not a configured one.
        assertThat(code(() -> v.verify(foreign.leaf(reg).securityLevel(0).attestation(), reg)))
                .isEqualTo("ATTESTATION_INVALID");

        // Dates.
        Instant now = clock.instant();
        assertThat(code(() -> v.verify(K.leaf(reg).validity(now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1))).attestation(), reg))).isEqualTo("ATTESTATION_EXPIRED");
        assertThat(code(() -> v.verify(K.leaf(reg).validity(now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(400))).attestation(), reg))).isEqualTo("ATTESTATION_EXPIRED");
        clock.advance(Duration.ofDays(366)); // the intermediate has expired
        assertThat(code(() -> v.verify(K.leaf(reg).attestation(), reg))).isEqualTo("ATTESTATION_EXPIRED");
        clock.set(now);

        // Malformed tokens.
        assertThat(code(() -> v.verify(new Attestation("ANDROID_KEY", "not base64!", null), reg)))
                .isEqualTo("BAD_ATTESTATION");
        assertThat(code(() -> v.verify(new Attestation("ANDROID_KEY", "a,,b", null), reg)))
                .isEqualTo("BAD_ATTESTATION");
        assertThat(code(() -> v.verify(new Attestation("ANDROID_KEY", String.join(",", java.util.Collections.nCopies(
                11, "AAAA")), null), reg))).isEqualTo("BAD_ATTESTATION");
        assertThat(code(() -> v.verify(new Attestation("ANDROID_KEY", Base64.getEncoder().encodeToString(
                "not a certificate".getBytes(StandardCharsets.UTF_8)), null), reg))).isEqualTo("ATTESTATION_INVALID");
        assertThat(code(() -> v.verify(K.leaf(reg).withoutExtension().attestation(), reg)))
                .isEqualTo("ATTESTATION_INVALID");
    }

    @Test
    void revokedCertificatesAreRefusedAndTheListIsReReadWhenItChanges() throws IOException {
        byte[] reg = binding(UUID.randomUUID().toString());
        BigInteger leafSerial = new BigInteger("c8966fcb2fbb0d7a", 16);
        Path file = dir.resolve("status.json");
        // Google's format; a serial written with a leading zero is the same serial.
        Files.writeString(file, "{\"entries\": {\"0" + K.ca.getSerialNumber().toString(16)
                + "\": {\"status\": \"SUSPENDED\", \"reason\": \"SOFTWARE_FLAW\"}}}");
        AttestationStatusList list = AttestationStatusList.of(file, clock);
        AndroidKeyAttestationVerifier v = verifier(List.of(), list);
        assertThat(code(() -> v.verify(K.leaf(reg).attestation(), reg))).isEqualTo("ATTESTATION_REVOKED");

        Files.writeString(file, "{\"entries\": {\"" + leafSerial.toString(16)
                + "\": {\"status\": \"REVOKED\", \"expires\": \"2030-11-13\", \"reason\": \"KEY_COMPROMISE\"}}}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(code(() -> v.verify(K.leaf(reg).attestation(), reg))).as("not re-read within a minute")
                .isEqualTo("ATTESTATION_REVOKED");
        clock.advance(Duration.ofMinutes(2));
        assertThat(v.verify(K.leaf(reg).attestation(), reg)).isNotNull();
        assertThat(code(() -> v.verify(K.leaf(reg).serial(leafSerial).attestation(), reg)))
                .isEqualTo("ATTESTATION_REVOKED");
        // A file that turns unreadable keeps the last list.
        Files.writeString(file, "{ not json");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        clock.advance(Duration.ofMinutes(2));
        assertThat(code(() -> v.verify(K.leaf(reg).serial(leafSerial).attestation(), reg)))
                .isEqualTo("ATTESTATION_REVOKED");
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void theShippedGoogleRootsParseAndAreTheOnesGooglePublishes() throws Exception {
        List<X509Certificate> roots = AndroidKeyAttestationVerifier.shippedRoots();
        assertThat(roots).hasSize(2);
        // SHA-256 fingerprints of Google's RSA root (2022 issue, serial f1c172a699eaf51d; the key of every issue since
        // 2016) and of the ECDSA P-384 "Key Attestation CA1" root.
        assertThat(roots.stream().map(r -> fingerprint(r)).toList()).containsExactly(
                "cedb1cb6dc896ae5ec797348bce9286753c2b38ee71ce0fbe34a9a1248800dfc",
                "6d9db4ce6c5c0b293166d08986e05774a8776ceb525d9e4329520de12ba4bcc0");
        for (X509Certificate r : roots) {
            r.verify(r.getPublicKey()); // self-signed
        }
        assertThat(new String(roots.get(0).getSubjectX500Principal().getEncoded(), StandardCharsets.US_ASCII))
                .contains("f92009e853b6b045");
        assertThat(roots.get(0).getSerialNumber().toString(16)).isEqualTo("f1c172a699eaf51d");
        assertThat(roots.get(1).getSubjectX500Principal().getName()).contains("CN=Key Attestation CA1");
        // The default configuration: on, with these roots; a chain from the test root is not Google's.
        AttestationProperties.AndroidKey defaults = new AttestationProperties.AndroidKey(true, PACKAGE, List.of(),
                List.of(), null);
        AndroidKeyAttestationVerifier v = AndroidKeyAttestationVerifier.of(defaults, List.of(), Clock.systemUTC());
        byte[] reg = binding(UUID.randomUUID().toString());
        assertThat(code(() -> v.verify(K.leaf(reg).attestation(), reg))).isEqualTo("ATTESTATION_INVALID");
    }

    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void playIntegrityChecksTheSigningCertificateDigestWhenConfigured() {
        AttestationFixtures f = new AttestationFixtures();
        String id = UUID.randomUUID().toString();
        String nonce = AttestationBinding.nonce(AttestationBinding.registrationText(id));
        String ours = Base64.getUrlEncoder().withoutPadding().encodeToString(SIGNER);
        PlayIntegrityVerifier v = new PlayIntegrityVerifier(new AttestationProperties.PlayIntegrity(
                AttestationFixtures.PACKAGE, f.playDecryptionKey(), f.playVerificationKey(), Duration.ofMinutes(10),
                List.of(AndroidKeyChains.hex(SIGNER))), clock);
        Map<String, Object> good = AttestationFixtures.playVerdict(nonce, AttestationFixtures.PACKAGE, clock.instant());
        appIntegrity(good).put("certificateSha256Digest", List.of(ours));
        assertThat(v.verify(f.playAttestation(good), binding(id)).kind()).isEqualTo("PLAY_INTEGRITY");

        Map<String, Object> resigned = AttestationFixtures.playVerdict(nonce, AttestationFixtures.PACKAGE,
                clock.instant());
        appIntegrity(resigned).put("certificateSha256Digest", List.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(AttestationFixtures.random(32))));
        assertThat(code(() -> v.verify(f.playAttestation(resigned), binding(id)))).isEqualTo("ATTESTATION_WRONG_APP");
        Map<String, Object> none = AttestationFixtures.playVerdict(nonce, AttestationFixtures.PACKAGE, clock.instant());
        assertThat(code(() -> v.verify(f.playAttestation(none), binding(id)))).isEqualTo("ATTESTATION_WRONG_APP");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> appIntegrity(Map<String, Object> verdict) {
        return (Map<String, Object>) verdict.get("appIntegrity");
    }
}
