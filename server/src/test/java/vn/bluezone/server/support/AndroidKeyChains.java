package vn.bluezone.server.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
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
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.bluezone.api.registry.AndroidKeyChain;
import vn.bluezone.api.registry.Attestation;

/**
 * Android key attestation chains made by the test, shaped like a phone's: a root (in place of Google's), an
 * intermediate (the keystore's attestation CA) and a leaf for the attested key carrying a key description extension
 * (OID 1.3.6.1.4.1.11129.2.1.17) encoded here from the AOSP schema. {@link Leaf} changes one thing at a time to
 * show each refusal.
 */
public final class AndroidKeyChains {
    public static final String PACKAGE = "vn.bluezone.android";
    /** The SHA-256 of the test app's signing certificate. */
    public static final byte[] SIGNER = AttestationFixtures.sha256("bluezone test signing certificate"
            .getBytes(StandardCharsets.UTF_8));
    public static final String ROOT = "CN=Test Key Attestation Root, O=Bluezone tests";
    private static final String CA = "CN=Test Keystore Attestation CA, O=Bluezone tests";

    public final KeyPair rootKey = AttestationFixtures.ec();
    public final KeyPair caKey = AttestationFixtures.ec();
    public final X509Certificate root;
    public final X509Certificate ca;

    public AndroidKeyChains() {
        Instant now = Instant.now();
        root = certificate(ROOT, rootKey, ROOT, rootKey, true, now.minus(Duration.ofDays(365)),
                now.plus(Duration.ofDays(3650)), serial(), null);
        ca = certificate(CA, caKey, ROOT, rootKey, true, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)), serial(), null);
    }

    /** A valid leaf for {@code challenge} (TEE, locked, verified boot, {@link #PACKAGE} signed by {@link #SIGNER}). */
    public Leaf leaf(byte[] challenge) {
        return new Leaf(challenge);
    }

    /** The root as a PEM file, for {@code bluezone.registry.attestation.android-key.root-certificates}. */
    public Path writeRoot(Path dir) throws IOException {
        Path file = dir.resolve("android-key-root.pem");
        Files.writeString(file, pem(root));
        return file;
    }

    public static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /** One attested key; every setter changes what the phone would report. */
    public final class Leaf {
        private final byte[] challenge;
        private int securityLevel = 1;
        private boolean rootOfTrust = true;
        private boolean locked = true;
        private int bootState = 0;
        private String packageName = PACKAGE;
        private byte[] signer = SIGNER;
        private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
        private Instant notAfter = Instant.parse("2048-01-01T00:00:00Z");
        private BigInteger serial = AndroidKeyChains.serial();
        private KeyPair issuerKey = caKey;
        private boolean extension = true;
        private List<X509Certificate> above = null;

        Leaf(byte[] challenge) {
            this.challenge = challenge.clone();
        }

        public Leaf securityLevel(int level) {
            this.securityLevel = level;
            return this;
        }

        public Leaf unlocked() {
            this.locked = false;
            return this;
        }

        public Leaf bootState(int state) {
            this.bootState = state;
            return this;
        }

        public Leaf withoutRootOfTrust() {
            this.rootOfTrust = false;
            return this;
        }

        public Leaf packageName(String name) {
            this.packageName = name;
            return this;
        }

        public Leaf signer(byte[] digest) {
            this.signer = digest;
            return this;
        }

        public Leaf validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        public Leaf serial(BigInteger s) {
            this.serial = s;
            return this;
        }

        /** Signs the leaf with another key than the intermediate's: a broken chain. */
        public Leaf signedBy(KeyPair key) {
            this.issuerKey = key;
            return this;
        }

        public Leaf withoutExtension() {
            this.extension = false;
            return this;
        }

        /** The certificates sent above the leaf (default: the intermediate and the root). */
        public Leaf above(List<X509Certificate> certificates) {
            this.above = certificates;
            return this;
        }

        public X509Certificate certificate() {
            return AndroidKeyChains.certificate("CN=Android Keystore Key", AttestationFixtures.ec(), CA, issuerKey,
                    false, notBefore, notAfter, serial, extension ? keyDescription() : null);
        }

        public List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate());
            chain.addAll(above == null ? List.of(ca, root) : above);
            return chain;
        }

        public String token() {
            List<byte[]> ders = new ArrayList<>();
            for (X509Certificate c : chain()) {
                try {
                    ders.add(c.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return AndroidKeyChain.token(ders);
        }

        public Attestation attestation() {
            return new Attestation(Attestation.ANDROID_KEY, token(), null);
        }

        /** KeyDescription (attestation version 200, KeyMint 2) as AOSP's schema has it. */
        DEROctetString keyDescription() {
            try {
                DERSequence appId = new DERSequence(new ASN1Encodable[] {
                        new DERSet(new DERSequence(new ASN1Encodable[] {
                                new DEROctetString(packageName.getBytes(StandardCharsets.UTF_8)), new ASN1Integer(42)})),
                        new DERSet(new DEROctetString(signer))});
                DERSequence software = new DERSequence(new ASN1Encodable[] {
                        new DERTaggedObject(true, 701, new ASN1Integer(Instant.now().toEpochMilli())),
                        new DERTaggedObject(true, 709, new DEROctetString(appId.getEncoded()))});
                List<ASN1Encodable> hw = new ArrayList<>();
                hw.add(new DERTaggedObject(true, 1, new DERSet(new ASN1Integer(2)))); // purpose: sign
                hw.add(new DERTaggedObject(true, 2, new ASN1Integer(3))); // algorithm: EC
                if (rootOfTrust) {
                    hw.add(new DERTaggedObject(true, 704, new DERSequence(new ASN1Encodable[] {
                            new DEROctetString(new byte[32]), ASN1Boolean.getInstance(locked),
                            new ASN1Enumerated(bootState), new DEROctetString(new byte[32])})));
                }
                hw.add(new DERTaggedObject(true, 705, new ASN1Integer(140000))); // osVersion
                DERSequence description = new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(200), new ASN1Enumerated(securityLevel), new ASN1Integer(200),
                        new ASN1Enumerated(securityLevel), new DEROctetString(challenge), new DEROctetString(new byte[0]),
                        software, new DERSequence(hw.toArray(new ASN1Encodable[0]))});
                return new DEROctetString(description.getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    /** A certificate; {@code keyDescription}, when given, goes into the Android attestation extension. */
    public static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                              boolean ca, Instant from, Instant to, BigInteger serial,
                                              DEROctetString keyDescription) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial,
                    Date.from(from), Date.from(to), new X500Name(subject), subjectKey.getPublic());
            if (ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (keyDescription != null) {
                b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.1.17"), false,
                        keyDescription.getOctets());
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
