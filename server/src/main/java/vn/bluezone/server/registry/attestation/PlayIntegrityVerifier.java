package vn.bluezone.server.registry.attestation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Attestation;

/**
 * Android Play Integrity verdicts, decrypted and verified on this server ("decrypt and verify locally"): the token is
 * a JWE (A256KW key wrapping, A256GCM content encryption) whose payload is a JWS signed with ES256 (Google, Play
 * Integrity API reference, IntegrityManager.requestIntegrityToken; developer.android.com/google/play/integrity/verdict
 * #token-format). Accepted only when the JWS verifies with the configured verification key and its payload says:
 * {@code requestDetails.requestPackageName} is this app, {@code requestDetails.nonce} (classic request) or
 * {@code requestHash} (standard request) is the request's binding, {@code timestampMillis} is within
 * {@code maxAge}, {@code appIntegrity.appRecognitionVerdict} is {@code PLAY_RECOGNIZED} and
 * {@code deviceIntegrity.deviceRecognitionVerdict} contains {@code MEETS_DEVICE_INTEGRITY}; and, when
 * {@code certificate-digests} are configured, {@code appIntegrity.certificateSha256Digest} lists one of them.
 */
public final class PlayIntegrityVerifier implements DeviceAttestation {
    /** Clock skew allowed for a verdict stamped slightly in the future. */
    static final Duration SKEW = Duration.ofMinutes(1);

    private final String packageName;
    private final AESDecrypter decrypter;
    private final ECDSAVerifier verifier;
    private final Duration maxAge;
    private final SigningDigests certificateDigests;
    private final Clock clock;

    public PlayIntegrityVerifier(AttestationProperties.PlayIntegrity p, Clock clock) {
        try {
            this.packageName = p.packageName().trim();
            this.decrypter = new AESDecrypter(new SecretKeySpec(Base64.getDecoder().decode(p.decryptionKey().trim()),
                    "AES"));
            this.verifier = new ECDSAVerifier((ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.verificationKey().trim()))));
        } catch (Exception e) {
            throw new IllegalStateException("bluezone.registry.attestation.play-integrity: the decryption key must be "
                    + "base64 of a 256-bit AES key and the verification key base64 of an X.509 EC public key", e);
        }
        this.maxAge = p.maxAge();
        this.certificateDigests = new SigningDigests(p.certificateDigests(),
                "bluezone.registry.attestation.play-integrity.certificate-digests");
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Attestation.PLAY_INTEGRITY;
    }

    @Override
    public Verdict verify(Attestation attestation, byte[] binding) {
        Map<String, Object> payload = open(attestation.token());
        Map<String, Object> request = object(payload.get("requestDetails"));
        if (!packageName.equals(request.get("requestPackageName"))) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP,
                    "The verdict was requested by another app than " + packageName);
        }
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(binding);
        Object nonce = request.containsKey("nonce") ? request.get("nonce") : request.get("requestHash");
        // Some clients pad or use the standard alphabet; compare the bytes, not the text.
        if (!(nonce instanceof String s) || !expected.equals(normalise(s))) {
            throw AttestationRefusal.wrongNonce();
        }
        Instant stamped = timestamp(request.get("timestampMillis"));
        Instant now = clock.instant();
        if (stamped.isBefore(now.minus(maxAge)) || stamped.isAfter(now.plus(SKEW))) {
            throw AttestationRefusal.expired();
        }
        Map<String, Object> app = object(payload.get("appIntegrity"));
        if (!"PLAY_RECOGNIZED".equals(app.get("appRecognitionVerdict"))) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP,
                    "Google Play does not recognise this app binary: " + app.get("appRecognitionVerdict"));
        }
        if (certificateDigests.configured()
                && !certificateDigests.anyMatches(digests(app.get("certificateSha256Digest")))) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP,
                    "The app is not signed with this deployment's signing certificate");
        }
        Object device = object(payload.get("deviceIntegrity")).get("deviceRecognitionVerdict");
        if (!(device instanceof List<?> verdicts) || !verdicts.contains("MEETS_DEVICE_INTEGRITY")) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_DEVICE_NOT_TRUSTED,
                    "The device does not meet Play's device integrity");
        }
        return new Verdict(kind(), null);
    }

    /** Decrypts the JWE and verifies the JWS inside it; the JWS payload as a JSON object. */
    private Map<String, Object> open(String token) {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION, "A Play Integrity token is required (at most 16 KB)");
        }
        try {
            JWEObject jwe = JWEObject.parse(token.trim());
            if (!JWEAlgorithm.A256KW.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                throw AttestationRefusal.invalid("A Play Integrity token is encrypted with A256KW and A256GCM");
            }
            jwe.decrypt(decrypter);
            JWSObject jws = JWSObject.parse(jwe.getPayload().toString());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !jws.verify(verifier)) {
                throw AttestationRefusal.invalid("The verdict's signature does not verify with the verification key");
            }
            Map<String, Object> payload = jws.getPayload().toJSONObject();
            if (payload == null) {
                throw AttestationRefusal.invalid("The verdict is not a JSON object");
            }
            return payload;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw AttestationRefusal.invalid("Not a Play Integrity token of this app: it does not decrypt or verify");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** {@code certificateSha256Digest}: a list of base64url SHA-256 digests of the signing certificates. */
    private static List<byte[]> digests(Object o) {
        List<byte[]> out = new java.util.ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object d : list) {
                byte[] b = d instanceof String text ? SigningDigests.parse(text) : null;
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private static Instant timestamp(Object o) {
        try {
            // Google writes timestampMillis as a string ("1675655009345"); a number is read too.
            return Instant.ofEpochMilli(o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o)));
        } catch (NumberFormatException e) {
            throw AttestationRefusal.invalid("The verdict has no requestDetails.timestampMillis");
        }
    }

    private static String normalise(String nonce) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(nonce.trim().replace('+', '-').replace('/', '_')
                    .replace("=", ""));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
