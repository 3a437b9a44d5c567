package vn.bluezone.server.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.server.registry.attestation.Cbor;

/**
 * Keys and tokens the attestation tests make themselves (no vendor is called): a test-verifier key; Play Integrity's
 * decryption and verification keys and verdicts (JWE A256KW/A256GCM around a JWS ES256); an App Attest root CA,
 * intermediate and per-key leaf certificates with the nonce extension, attestation objects and assertions.
 */
public final class AttestationFixtures {
    public static final String PACKAGE = "vn.gov.bluezone";
    public static final String APP_ID = "ABCDE12345.vn.gov.bluezone";

    public final KeyPair testKey = ec();
    public final byte[] playAes = random(32);
    public final KeyPair playKey = ec();
    public final KeyPair rootKey = ec();
    public final KeyPair intermediateKey = ec();
    public final X509Certificate root;
    public final X509Certificate intermediate;

    public AttestationFixtures() {
        root = certificate("CN=Test App Attestation Root CA", rootKey, "CN=Test App Attestation Root CA", rootKey,
                true, null);
        intermediate = certificate("CN=Test App Attestation CA 1", intermediateKey, "CN=Test App Attestation Root CA",
                rootKey, true, null);
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    public static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    public static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- test verifier

    public String testPublicKey() {
        return b64(testKey.getPublic().getEncoded());
    }

    /** A TEST attestation of {@code bindingText} issued at {@code iat}, signed with {@code key}. */
    public static Attestation testAttestation(KeyPair key, String bindingText, Instant iat) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("nonce", vn.bluezone.api.registry.AttestationBinding.nonce(bindingText));
        claims.put("iat", iat.getEpochSecond());
        return new Attestation(Attestation.TEST, jws(key, claims), null);
    }

    public Attestation testAttestation(String bindingText, Instant iat) {
        return testAttestation(testKey, bindingText, iat);
    }

    // ---- Play Integrity

    public String playDecryptionKey() {
        return b64(playAes);
    }

    public String playVerificationKey() {
        return b64(playKey.getPublic().getEncoded());
    }

    /** A verdict as Google documents it: device and app recognised, for {@code nonce}, stamped {@code at}. */
    public static Map<String, Object> playVerdict(String nonce, String packageName, Instant at) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestPackageName", packageName);
        request.put("timestampMillis", String.valueOf(at.toEpochMilli()));
        request.put("nonce", nonce);
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("appRecognitionVerdict", "PLAY_RECOGNIZED");
        app.put("packageName", packageName);
        app.put("versionCode", "42");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestDetails", request);
        payload.put("appIntegrity", app);
        payload.put("deviceIntegrity", Map.of("deviceRecognitionVerdict", List.of("MEETS_DEVICE_INTEGRITY")));
        payload.put("accountDetails", Map.of("appLicensingVerdict", "LICENSED"));
        return payload;
    }

    /** The verdict signed with {@code signer} and encrypted with {@code aes}, as the Play Integrity API returns it. */
    public static String playToken(Map<String, Object> verdict, KeyPair signer, byte[] aes) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.A256KW, EncryptionMethod.A256GCM),
                    new Payload(jws(signer, verdict)));
            jwe.encrypt(new AESEncrypter(aes));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Attestation playAttestation(Map<String, Object> verdict) {
        return new Attestation(Attestation.PLAY_INTEGRITY, playToken(verdict, playKey, playAes), null);
    }

    static String jws(KeyPair key, Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(claims));
            jws.sign(new ECDSASigner((ECPrivateKey) key.getPrivate()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- App Attest

    public Path writeRoot(Path dir) throws IOException {
        Path file = dir.resolve("app-attest-root.pem");
        try {
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** SHA-256 of the key's uncompressed point, base64: what {@code generateKey} returns. */
    public static String keyId(KeyPair key) {
        return b64(sha256(point((ECPublicKey) key.getPublic())));
    }

    /** The attestation object of {@code key} for {@code appId} and {@code clientDataHash}, base64, chained to root. */
    public String attestationObject(KeyPair key, String appId, byte[] clientDataHash) {
        return attestationObject(key, appId, clientDataHash, intermediateKey, "CN=Test App Attestation CA 1",
                List.of(intermediate));
    }

    public String attestationObject(KeyPair key, String appId, byte[] clientDataHash, KeyPair issuerKey, String issuer,
                                    List<X509Certificate> intermediates) {
        byte[] keyId = sha256(point((ECPublicKey) key.getPublic()));
        ByteBuffer auth = ByteBuffer.allocate(32 + 1 + 4 + 16 + 2 + 32);
        auth.put(sha256(appId.getBytes(StandardCharsets.UTF_8))).put((byte) 0x40).putInt(0)
                .put(Arrays.copyOf("appattest".getBytes(StandardCharsets.US_ASCII), 16)).putShort((short) 32)
                .put(keyId);
        byte[] authData = auth.array();
        byte[] nonce = sha256(concat(authData, clientDataHash));
        X509Certificate leaf = certificate("CN=" + toHex(keyId), key, issuer, issuerKey, false, nonce);
        try {
            List<Object> x5c = new java.util.ArrayList<>();
            x5c.add(leaf.getEncoded());
            for (X509Certificate c : intermediates) {
                x5c.add(c.getEncoded());
            }
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("x5c", x5c);
            statement.put("receipt", new byte[] {1, 2, 3});
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("fmt", "apple-appattest");
            object.put("attStmt", statement);
            object.put("authData", authData);
            return b64(Cbor.encode(object));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An assertion by {@code key} with {@code counter}, for {@code clientDataHash}, base64. */
    public static String assertion(KeyPair key, String appId, long counter, byte[] clientDataHash) {
        ByteBuffer auth = ByteBuffer.allocate(37);
        auth.put(sha256(appId.getBytes(StandardCharsets.UTF_8))).put((byte) 0).putInt((int) counter);
        byte[] authData = auth.array();
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key.getPrivate());
            s.update(authData);
            s.update(clientDataHash);
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("signature", s.sign());
            object.put("authenticatorData", authData);
            return b64(Cbor.encode(object));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, boolean ca,
                                       byte[] nonce) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(30))),
                    Date.from(now.plus(Duration.ofDays(400))), new X500Name(subject), subjectKey.getPublic());
            if (ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (nonce != null) {
                b.addExtension(new ASN1ObjectIdentifier("1.2.840.113635.100.8.2"), false,
                        new DERSequence(new DERTaggedObject(true, 1, new DEROctetString(nonce))));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] point(ECPublicKey key) {
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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String toHex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(String.format("%02x", b[i]));
        }
        return s.toString();
    }
}
