package vn.bluezone.server.registry.attestation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import vn.bluezone.api.registry.Attestation;

/**
 * The test verifier (kind {@code TEST}): an ES256 JWS whose payload is {@code {"nonce": <binding, base64url>,
 * "iat": <epoch seconds>}}, signed by the private half of {@code bluezone.registry.attestation.test.public-key}. It lets
 * simulations and tests attest installs without a vendor; it is enabled only when that key is configured, which the
 * shipped configuration never does.
 */
public final class TestAttestationVerifier implements DeviceAttestation {
    private final ECDSAVerifier verifier;
    private final Duration maxAge;
    private final Clock clock;

    public TestAttestationVerifier(AttestationProperties.Test p, Clock clock) {
        try {
            this.verifier = new ECDSAVerifier((ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.publicKey().trim()))));
        } catch (Exception e) {
            throw new IllegalStateException("bluezone.registry.attestation.test.public-key must be base64 of an X.509 "
                    + "EC P-256 public key", e);
        }
        this.maxAge = p.maxAge();
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Attestation.TEST;
    }

    @Override
    public Verdict verify(Attestation attestation, byte[] binding) {
        Map<String, Object> claims;
        try {
            JWSObject jws = JWSObject.parse(attestation.token() == null ? "" : attestation.token().trim());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !jws.verify(verifier)) {
                throw AttestationRefusal.invalid("The test attestation's signature does not verify");
            }
            claims = jws.getPayload().toJSONObject();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw AttestationRefusal.invalid("Not a test attestation signed by the configured key");
        }
        if (claims == null || !Base64.getUrlEncoder().withoutPadding().encodeToString(binding).equals(claims.get("nonce"))) {
            throw AttestationRefusal.wrongNonce();
        }
        if (!(claims.get("iat") instanceof Number iat)) {
            throw AttestationRefusal.invalid("The test attestation has no iat");
        }
        Instant issued = Instant.ofEpochSecond(iat.longValue());
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(PlayIntegrityVerifier.SKEW))) {
            throw AttestationRefusal.expired();
        }
        return new Verdict(kind(), null);
    }
}
