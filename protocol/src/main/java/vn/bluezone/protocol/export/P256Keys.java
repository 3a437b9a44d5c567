package vn.bluezone.protocol.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECDSA P-256 key pairs, the only kind the key export standard allows, and their PEM forms: PKCS#8
 * ("PRIVATE KEY") and SEC1 ("EC PRIVATE KEY", what {@code openssl ecparam -genkey} writes) for private keys;
 * SubjectPublicKeyInfo ("PUBLIC KEY") or an X.509 certificate for public keys. JDK only.
 */
public final class P256Keys {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final ECParameterSpec P256 = p256Parameters();

    private P256Keys() {
    }

    /** A fresh key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
    }

    public static ECPrivateKey readPrivateKey(Path pem) {
        return readPrivateKey(readText(pem));
    }

    public static ECPublicKey readPublicKey(Path pem) {
        return readPublicKey(readText(pem));
    }

    /** Reads the first PKCS#8 or SEC1 private key in the PEM text (other blocks, e.g. "EC PARAMETERS", are skipped). */
    public static ECPrivateKey readPrivateKey(String pem) {
        List<String[]> blocks = blocks(pem);
        for (String[] block : blocks) {
            switch (block[0]) {
                case "PRIVATE KEY":
                    return fromPkcs8(decode(block));
                case "EC PRIVATE KEY":
                    return fromSec1(decode(block));
                case "ENCRYPTED PRIVATE KEY":
                    throw badFile("the private key is encrypted; decrypt it first (openssl pkcs8 -in KEY -out PLAIN.pem)");
                default:
                    break;
            }
        }
        throw badFile(blocks.isEmpty() ? "no PEM block found (expected -----BEGIN PRIVATE KEY-----)"
                : "no private key in the PEM text (found " + labels(blocks) + ")");
    }

    /** Reads the first public key ("PUBLIC KEY") or certificate ("CERTIFICATE") in the PEM text. */
    public static ECPublicKey readPublicKey(String pem) {
        List<String[]> blocks = blocks(pem);
        for (String[] block : blocks) {
            switch (block[0]) {
                case "PUBLIC KEY":
                    return fromSpki(decode(block));
                case "CERTIFICATE":
                    return fromCertificate(decode(block));
                default:
                    break;
            }
        }
        throw badFile(blocks.isEmpty() ? "no PEM block found (expected -----BEGIN PUBLIC KEY-----)"
                : "no public key in the PEM text (found " + labels(blocks) + ")");
    }

    /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", requireP256(key).getEncoded());
    }

    /** SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"), the form openssl and GAEN key registries take. */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", requireP256(key).getEncoded());
    }

    public static ECPrivateKey requireP256(PrivateKey key) {
        return (ECPrivateKey) requireP256((Key) key);
    }

    public static ECPublicKey requireP256(PublicKey key) {
        return (ECPublicKey) requireP256((Key) key);
    }

    private static Key requireP256(Key key) {
        if (!(key instanceof ECKey ec)) {
            throw new KeyExportException(KeyExportError.UNSUPPORTED_KEY,
                    "a " + key.getAlgorithm() + " key; export files are signed with ECDSA P-256 keys");
        }
        if (!isP256(ec.getParams())) {
            throw new KeyExportException(KeyExportError.UNSUPPORTED_KEY,
                    "an EC key on another curve; export files are signed with ECDSA P-256 keys");
        }
        return key;
    }

    static boolean isP256(ECParameterSpec p) {
        return p != null && p.getCurve().equals(P256.getCurve()) && p.getGenerator().equals(P256.getGenerator())
                && p.getOrder().equals(P256.getOrder()) && p.getCofactor() == P256.getCofactor();
    }

    private static ECPrivateKey fromPkcs8(byte[] der) {
        checkCurve(der, true);
        try {
            return requireP256((PrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw badFile("not a valid PKCS#8 EC private key: " + e.getMessage());
        }
    }

    private static ECPrivateKey fromSec1(byte[] der) {
        Der.Sec1PrivateKey sec1;
        try {
            sec1 = Der.parseSec1(der);
        } catch (IllegalArgumentException e) {
            throw badFile("not a valid SEC1 EC private key: " + e.getMessage());
        }
        if (sec1.curve() != null && !Der.P256.equals(sec1.curve())) {
            throw unsupported("an EC private key on " + Der.curveName(sec1.curve()));
        }
        BigInteger s = new BigInteger(1, sec1.scalar());
        if (s.signum() == 0 || s.compareTo(P256.getOrder()) >= 0) {
            throw badFile("the EC private key's scalar is out of range for P-256");
        }
        try {
            return requireP256((PrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, P256)));
        } catch (GeneralSecurityException e) {
            throw badFile("not a valid P-256 private key: " + e.getMessage());
        }
    }

    private static ECPublicKey fromSpki(byte[] der) {
        checkCurve(der, false);
        try {
            return requireP256((PublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw badFile("not a valid EC public key: " + e.getMessage());
        }
    }

    private static ECPublicKey fromCertificate(byte[] der) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return fromSpki(cert.getPublicKey().getEncoded());
        } catch (CertificateException e) {
            throw badFile("not a valid X.509 certificate: " + e.getMessage());
        }
    }

    /** Names the algorithm and curve before the JDK's KeyFactory rejects them with a less helpful message. */
    private static void checkCurve(byte[] der, boolean pkcs8) {
        String[] algCurve;
        try {
            algCurve = Der.algorithmAndCurve(der, pkcs8);
        } catch (IllegalArgumentException e) {
            throw badFile("not a valid " + (pkcs8 ? "PKCS#8 private key" : "SubjectPublicKeyInfo public key")
                    + ": " + e.getMessage());
        }
        if (!Der.EC_PUBLIC_KEY.equals(algCurve[0])) {
            throw unsupported("a " + Der.algorithmName(algCurve[0])
                    + " key; export files are signed with ECDSA P-256 keys");
        }
        if (!Der.P256.equals(algCurve[1])) {
            throw unsupported("an EC key on " + Der.curveName(algCurve[1])
                    + "; export files are signed with ECDSA P-256 keys");
        }
    }

    private static List<String[]> blocks(String pem) {
        List<String[]> out = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static String labels(List<String[]> blocks) {
        return blocks.stream().map(b -> b[0]).distinct().toList().toString();
    }

    private static byte[] decode(String[] block) {
        String body = block[1];
        if (body.contains(":")) {
            // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" (legacy openssl encryption).
            throw badFile("the " + block[0] + " block has PEM headers (an encrypted legacy key?); use an unencrypted key");
        }
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw badFile("the " + block[0] + " block is not valid base64");
        }
    }

    private static String pem(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    private static String readText(Path pem) {
        try {
            return Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw badFile("no such file: " + pem);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw badFile(pem + " is not a PEM text file");
        } catch (IOException e) {
            throw badFile("cannot read " + pem + ": " + e.getMessage());
        }
    }

    private static KeyExportException badFile(String message) {
        return new KeyExportException(KeyExportError.BAD_KEY_FILE, message);
    }

    private static KeyExportException unsupported(String message) {
        return new KeyExportException(KeyExportError.UNSUPPORTED_KEY, message);
    }

    private static ECParameterSpec p256Parameters() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
