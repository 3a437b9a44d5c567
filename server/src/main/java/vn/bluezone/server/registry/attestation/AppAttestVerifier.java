package vn.bluezone.server.registry.attestation;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Attestation;

/**
 * Apple App Attest (DeviceCheck, "Validating apps that connect to your server"). The token is base64 of CBOR:
 * <ul>
 * <li>the <b>attestation object</b> {@code {fmt: "apple-appattest", attStmt: {x5c, receipt}, authData}}, sent once
 * per key: the x5c chain must validate (PKIX, at the current time, no revocation check) up to one of the configured
 * roots (Apple App Attestation Root CA); the leaf's extension 1.2.840.113635.100.8.2 must hold
 * SHA-256(authData || clientDataHash); SHA-256 of the leaf's public key (uncompressed point) must be the keyId and
 * the credential id in authData; rpIdHash must be SHA-256(appId); the counter 0; the AAGUID {@code appattest}
 * (production) or {@code appattestdevelop}. The key is then stored. The receipt (for Apple's fraud-risk metric) is
 * not checked: that needs a call to Apple.</li>
 * <li>an <b>assertion</b> {@code {signature, authenticatorData}}, for a stored key: the ECDSA P-256 signature over
 * authenticatorData || clientDataHash (SHA-256 inside the signature) must verify with the stored key, rpIdHash must
 * be SHA-256(appId) and the counter must be larger than the last one seen (else {@code ATTESTATION_REPLAYED}).</li>
 * </ul>
 * clientDataHash is the request's binding ({@code AttestationBinding}).
 */
public final class AppAttestVerifier implements DeviceAttestation {
    static final String NONCE_EXTENSION = "1.2.840.113635.100.8.2";
    private static final byte[] AAGUID_PRODUCTION = Arrays.copyOf("appattest".getBytes(StandardCharsets.US_ASCII), 16);
    private static final byte[] AAGUID_DEVELOPMENT = "appattestdevelop".getBytes(StandardCharsets.US_ASCII);

    private final String appId;
    private final byte[] rpIdHash;
    private final Set<TrustAnchor> roots;
    private final byte[] aaguid;
    private final AppAttestKeys keys;
    private final Clock clock;

    public AppAttestVerifier(String appId, List<X509Certificate> roots, boolean development, AppAttestKeys keys,
                             Clock clock) {
        this.appId = appId.trim();
        this.rpIdHash = sha256(this.appId.getBytes(StandardCharsets.UTF_8));
        this.roots = roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet());
        this.aaguid = development ? AAGUID_DEVELOPMENT : AAGUID_PRODUCTION;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Attestation.APP_ATTEST;
    }

    @Override
    public Verdict verify(Attestation attestation, byte[] binding) {
        String keyId = attestation.keyId() == null ? "" : attestation.keyId().trim();
        byte[] keyIdBytes = base64(keyId, "keyId");
        if (keyIdBytes.length != 32) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION, "An App Attest keyId is base64 of 32 bytes");
        }
        Map<?, ?> object;
        try {
            object = Cbor.decode(base64(attestation.token(), "token")) instanceof Map<?, ?> m ? m : null;
        } catch (IllegalArgumentException e) {
            object = null;
        }
        if (object == null) {
            throw AttestationRefusal.invalid("An App Attest token is base64 of a CBOR attestation object or assertion");
        }
        if (object.containsKey("fmt")) {
            attest(object, keyIdBytes, binding);
        } else {
            assertion(object, keyId, binding);
        }
        return new Verdict(kind(), keyId);
    }

    /** The first use of a key: its attestation object, checked up to the configured roots; then the key is stored. */
    private void attest(Map<?, ?> object, byte[] keyId, byte[] clientDataHash) {
        if (!"apple-appattest".equals(object.get("fmt")) || !(object.get("attStmt") instanceof Map<?, ?> statement)
                || !(object.get("authData") instanceof byte[] authData) || authData.length < 55
                || !(statement.get("x5c") instanceof List<?> x5c) || x5c.isEmpty()) {
            throw AttestationRefusal.invalid("Not an apple-appattest attestation object");
        }
        X509Certificate leaf = validateChain(x5c);
        byte[] nonce = sha256(concat(authData, clientDataHash));
        if (!MessageDigest.isEqual(nonce, extensionNonce(leaf))) {
            throw AttestationRefusal.wrongNonce();
        }
        byte[] point = uncompressedPoint((ECPublicKey) leaf.getPublicKey());
        ByteBuffer data = ByteBuffer.wrap(authData);
        byte[] rp = new byte[32];
        data.get(rp);
        data.get(); // flags
        long counter = Integer.toUnsignedLong(data.getInt());
        byte[] guid = new byte[16];
        data.get(guid);
        int idLength = Short.toUnsignedInt(data.getShort());
        if (idLength > data.remaining()) {
            throw AttestationRefusal.invalid("The attestation's authenticator data is cut short");
        }
        byte[] credentialId = new byte[idLength];
        data.get(credentialId);
        if (!MessageDigest.isEqual(rp, rpIdHash)) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP, "The key was attested for another app than " + appId);
        }
        if (!MessageDigest.isEqual(sha256(point), keyId) || !MessageDigest.isEqual(credentialId, keyId)) {
            throw AttestationRefusal.invalid("The attested key is not the keyId given");
        }
        if (counter != 0 || !Arrays.equals(guid, aaguid)) {
            throw AttestationRefusal.invalid("Not a fresh App Attest key of the configured environment");
        }
        if (!keys.add(Base64.getEncoder().encodeToString(keyId), leaf.getPublicKey().getEncoded(), clock.instant())) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_REPLAYED, "This key was attested before; send an assertion");
        }
    }

    private X509Certificate validateChain(List<?> x5c) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Object der : x5c) {
                if (!(der instanceof byte[] b)) {
                    throw AttestationRefusal.invalid("x5c holds DER certificates");
                }
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b)));
            }
            PKIXParameters parameters = new PKIXParameters(roots);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(chain), parameters);
            if (!(chain.get(0).getPublicKey() instanceof ECPublicKey)) {
                throw AttestationRefusal.invalid("The attested key is not an EC key");
            }
            return chain.get(0);
        } catch (GeneralSecurityException e) {
            throw AttestationRefusal.invalid("The attestation's certificates do not lead to a configured root");
        }
    }

    /** The nonce in the leaf's extension: OCTET STRING { SEQUENCE { [1] { OCTET STRING nonce } } }. */
    static byte[] extensionNonce(X509Certificate leaf) {
        byte[] value = leaf.getExtensionValue(NONCE_EXTENSION);
        if (value == null) {
            throw AttestationRefusal.invalid("The attestation certificate has no nonce");
        }
        try {
            byte[] seq = Der.content(Der.content(value, 0x04), 0x30);
            return Der.content(Der.content(seq, 0xA1), 0x04);
        } catch (IllegalArgumentException e) {
            throw AttestationRefusal.invalid("The attestation certificate's nonce is malformed");
        }
    }

    /** A later use of a stored key: its signature and a counter that grew. */
    private void assertion(Map<?, ?> object, String keyId, byte[] clientDataHash) {
        if (!(object.get("signature") instanceof byte[] signature)
                || !(object.get("authenticatorData") instanceof byte[] authData) || authData.length < 37) {
            throw AttestationRefusal.invalid("An App Attest assertion has signature and authenticatorData");
        }
        AppAttestKeys.StoredKey key = keys.find(keyId).orElseThrow(() -> AttestationRefusal.of(
                ErrorCode.ATTESTATION_UNKNOWN_KEY, "This App Attest key was never attested here; send its attestation"));
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.publicKey())));
            verifier.update(authData);
            verifier.update(clientDataHash);
            if (!verifier.verify(signature)) {
                throw AttestationRefusal.invalid("The assertion's signature does not verify with the attested key "
                        + "(or it was made for another request)");
            }
        } catch (GeneralSecurityException e) {
            throw AttestationRefusal.invalid("The assertion's signature is malformed");
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(authData, 32), rpIdHash)) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP, "The assertion was made for another app than " + appId);
        }
        long counter = Integer.toUnsignedLong(ByteBuffer.wrap(authData, 33, 4).getInt());
        if (!keys.advance(keyId, counter)) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_REPLAYED,
                    "The assertion's counter did not increase: a replayed assertion");
        }
    }

    static byte[] uncompressedPoint(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void fixed(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    private static byte[] base64(String s, String field) {
        try {
            return Base64.getDecoder().decode(s == null ? "" : s.trim());
        } catch (IllegalArgumentException e) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION, "The App Attest " + field + " is not base64");
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
