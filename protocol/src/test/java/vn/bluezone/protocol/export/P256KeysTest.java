package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class P256KeysTest {

    private static void assertSignsAndVerifies(ECPrivateKey priv, java.security.PublicKey pub) {
        byte[] data = "EK Export v1    body".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SigningKey signer = new SigningKey(priv, "452", "v1");
        assertTrue(VerificationKey.of(pub).verifies(data, signer.sign(data), KeyExportFormat.ECDSA_P256_SHA256_OID));
        assertTrue(!VerificationKey.of(pub).verifies("other".getBytes(), signer.sign(data), KeyExportFormat.ECDSA_P256_SHA256_OID));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static KeyExportError reason(Runnable r) {
        return assertThrows(KeyExportException.class, r::run).reason();
    }

    @Test
    void pemRoundTrip() {
        KeyPair pair = P256Keys.generate();
        String privPem = P256Keys.toPem(pair.getPrivate());
        String pubPem = P256Keys.toPem(pair.getPublic());
        assertTrue(privPem.startsWith("-----BEGIN PRIVATE KEY-----\n"), privPem);
        assertTrue(pubPem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pubPem);
        assertTrue(pubPem.lines().allMatch(l -> l.length() <= 64));
        ECPrivateKey priv = P256Keys.readPrivateKey(privPem);
        assertEquals(((ECPrivateKey) pair.getPrivate()).getS(), priv.getS());
        assertEquals(pair.getPublic(), P256Keys.readPublicKey(pubPem));
        assertSignsAndVerifies(priv, P256Keys.readPublicKey("some text before\r\n" + pubPem.replace("\n", "\r\n")));
    }

    /** SEC1 "EC PRIVATE KEY" (RFC 5915), as openssl ecparam writes it, after an "EC PARAMETERS" block. */
    @Test
    void readsSec1PrivateKeys() {
        KeyPair pair = P256Keys.generate();
        byte[] s = ((ECPrivateKey) pair.getPrivate()).getS().toByteArray();
        byte[] scalar = new byte[32];
        int n = Math.min(32, s.length);
        System.arraycopy(s, s.length - n, scalar, 32 - n, n);
        byte[] der = HexFormat.of().parseHex("30310201010420" + HexFormat.of().formatHex(scalar)
                + "a00a06082a8648ce3d030107");
        String text = pem("EC PARAMETERS", HexFormat.of().parseHex("06082a8648ce3d030107")) + pem("EC PRIVATE KEY", der);
        assertSignsAndVerifies(P256Keys.readPrivateKey(text), pair.getPublic());

        byte[] k1 = HexFormat.of().parseHex("302e0201010420" + HexFormat.of().formatHex(scalar) + "a00706052b8104000a");
        assertEquals(KeyExportError.UNSUPPORTED_KEY, reason(() -> P256Keys.readPrivateKey(pem("EC PRIVATE KEY", k1))));
    }

    @Test
    void rejectsOtherAlgorithmsAndCurvesByName() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair r = rsa.generateKeyPair();
        KeyExportException e = assertThrows(KeyExportException.class,
                () -> P256Keys.readPrivateKey(pem("PRIVATE KEY", r.getPrivate().getEncoded())));
        assertEquals(KeyExportError.UNSUPPORTED_KEY, e.reason());
        assertTrue(e.getMessage().contains("RSA"), e.getMessage());

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        e = assertThrows(KeyExportException.class,
                () -> P256Keys.readPublicKey(pem("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded())));
        assertTrue(e.getMessage().contains("P-384"), e.getMessage());

        // secp256k1, which Finland's test server signed with; the JDK no longer has this curve at all.
        byte[] k1 = HexFormat.of().parseHex("3056301006072a8648ce3d020106052b8104000a03420004" + "11".repeat(64));
        e = assertThrows(KeyExportException.class, () -> P256Keys.readPublicKey(pem("PUBLIC KEY", k1)));
        assertEquals(KeyExportError.UNSUPPORTED_KEY, e.reason());
        assertTrue(e.getMessage().contains("secp256k1"), e.getMessage());
    }

    @Test
    void explainsFilesThatAreNotKeys(@TempDir Path dir) {
        String pub = P256Keys.toPem(P256Keys.generate().getPublic());
        KeyExportException e = assertThrows(KeyExportException.class, () -> P256Keys.readPrivateKey(pub));
        assertEquals(KeyExportError.BAD_KEY_FILE, e.reason());
        assertTrue(e.getMessage().contains("PUBLIC KEY"), e.getMessage());
        assertEquals(KeyExportError.BAD_KEY_FILE, reason(() -> P256Keys.readPublicKey("not a pem")));
        assertEquals(KeyExportError.BAD_KEY_FILE, reason(() -> P256Keys.readPublicKey(
                "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n")));
        assertEquals(KeyExportError.BAD_KEY_FILE, reason(() -> P256Keys.readPublicKey(pem("PUBLIC KEY", new byte[] {0x30, 0x03, 1, 2, 3}))));
        assertEquals(KeyExportError.BAD_KEY_FILE, reason(() -> P256Keys.readPrivateKey(pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0}))));
        e = assertThrows(KeyExportException.class, () -> P256Keys.readPublicKey(dir.resolve("missing.pem")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    /** Keys made by openssl, in both private key forms it writes, sign files that openssl's public key verifies. */
    @Test
    void readsKeysMadeByOpenssl(@TempDir Path dir) throws Exception {
        ExternalTools.requireOrSkip("openssl", "P256KeysTest.readsKeysMadeByOpenssl");
        assertEquals(0, ExternalTools.run(dir, null, List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey",
                "-out", "sec1.pem")).exit());
        assertEquals(0, ExternalTools.run(dir, null, List.of("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "sec1.pem",
                "-out", "pkcs8.pem")).exit());
        assertEquals(0, ExternalTools.run(dir, null, List.of("openssl", "ec", "-in", "sec1.pem", "-pubout",
                "-out", "public.pem")).exit());
        assertTrue(Files.readString(dir.resolve("sec1.pem")).contains("BEGIN EC PRIVATE KEY"));
        var pub = P256Keys.readPublicKey(dir.resolve("public.pem"));
        ECPrivateKey fromSec1 = P256Keys.readPrivateKey(dir.resolve("sec1.pem"));
        ECPrivateKey fromPkcs8 = P256Keys.readPrivateKey(dir.resolve("pkcs8.pem"));
        assertEquals(fromSec1.getS(), fromPkcs8.getS());
        assertSignsAndVerifies(fromSec1, pub);

        // And openssl reads what we write.
        KeyPair ours = P256Keys.generate();
        Files.writeString(dir.resolve("ours.pem"), P256Keys.toPem(ours.getPrivate()));
        ExternalTools.Result r = ExternalTools.run(dir, null, List.of("openssl", "pkey", "-in", "ours.pem", "-pubout"));
        assertEquals(0, r.exit(), r.out());
        assertEquals(P256Keys.toPem(ours.getPublic()).strip(), r.out().strip());
    }
}
