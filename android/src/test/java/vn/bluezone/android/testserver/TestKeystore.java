package vn.bluezone.android.testserver;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What a phone's hardware keystore would return for an attested key, made by the test (Robolectric has no
 * {@code AndroidKeyStore}): a chain leaf → attestation CA → root, the leaf carrying the key description extension
 * (OID 1.3.6.1.4.1.11129.2.1.17, AOSP schema) with the given challenge, a TEE key, a locked or unlocked bootloader,
 * verified boot, and the app's package and signing digest. The test server trusts {@link #root} instead of Google's
 * roots. (The server's tests have a fuller builder, {@code server/support/AndroidKeyChains}, with every variant.)
 */
final class TestKeystore {
    static final String PACKAGE = "vn.bluezone.android";
    static final byte[] SIGNING_DIGEST = sha256("bluezone debug signing certificate".getBytes(StandardCharsets.UTF_8));
    private static final String ROOT = "CN=Test Key Attestation Root";
    private static final String CA = "CN=Test Keystore Attestation CA";

    private final KeyPair rootKey = ec();
    private final KeyPair caKey = ec();
    private final X509Certificate root;
    private final X509Certificate ca;

    TestKeystore() {
        Instant now = Instant.now();
        root = certificate(ROOT, rootKey.getPublic(), ROOT, rootKey, true, now.minus(Duration.ofDays(3650)), null);
        ca = certificate(CA, caKey.getPublic(), ROOT, rootKey, true, now.minus(Duration.ofDays(3650)), null);
    }

    /** The root as a PEM file for the server's {@code android-key.root-certificates}. */
    Path writeRoot(Path dir) throws IOException {
        Path file = dir.resolve("android-key-test-root.pem");
        try {
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64,
                    "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** The chain of a new key attested with {@code challenge}, DER, leaf first. */
    List<byte[]> chain(byte[] challenge, boolean locked) {
        // Android's keystore dates an attestation leaf from 1970 unless the app sets a start (the server's
        // simulated clock is in 2021).
        X509Certificate leaf = certificate("CN=Android Keystore Key", ec().getPublic(), CA, caKey, false,
                Instant.EPOCH, keyDescription(challenge, locked));
        List<byte[]> out = new ArrayList<>();
        try {
            for (X509Certificate c : List.of(leaf, ca, root)) {
                out.add(c.getEncoded());
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static byte[] keyDescription(byte[] challenge, boolean locked) {
        try {
            DERSequence appId = new DERSequence(new ASN1Encodable[] {
                    new DERSet(new DERSequence(new ASN1Encodable[] {
                            new DEROctetString(PACKAGE.getBytes(StandardCharsets.UTF_8)), new ASN1Integer(1)})),
                    new DERSet(new DEROctetString(SIGNING_DIGEST))});
            DERSequence software = new DERSequence(
                    new DERTaggedObject(true, 709, new DEROctetString(appId.getEncoded())));
            DERSequence hardware = new DERSequence(new DERTaggedObject(true, 704, new DERSequence(new ASN1Encodable[] {
                    new DEROctetString(new byte[32]), ASN1Boolean.getInstance(locked), new ASN1Enumerated(0),
                    new DEROctetString(new byte[32])})));
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(4), new ASN1Enumerated(1), new ASN1Integer(4),
                    new ASN1Enumerated(1), new DEROctetString(challenge), new DEROctetString(new byte[0]), software,
                    hardware}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, java.security.PublicKey key, String issuer,
                                               KeyPair issuerKey, boolean ca, Instant from, byte[] description) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(from),
                    Date.from(Instant.parse("2048-01-01T00:00:00Z")), new X500Name(subject), key);
            if (ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            if (description != null) {
                b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.1.17"), false, description);
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
