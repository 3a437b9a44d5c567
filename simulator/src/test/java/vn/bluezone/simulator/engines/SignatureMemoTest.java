package vn.bluezone.simulator.engines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what the JDK's provider answers, and computes each distinct verification once. */
class SignatureMemoTest {

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static boolean verify(KeyPair k, byte[] data, byte[] sig) throws Exception {
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(k.getPublic());
        v.update(data);
        return v.verify(sig);
    }

    @Test
    void remembersValidAndInvalidAnswersAndVerifiesAnythingDifferentForReal() throws Exception {
        SignatureMemo.install();
        KeyPair k = p256();
        KeyPair other = p256();
        byte[] data = "export.bin of hour 10".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        assertEquals(SignatureMemo.PROVIDER, Signature.getInstance("SHA256withECDSA").getProvider().getName());
        signer.initSign(k.getPrivate());
        signer.update(data);
        byte[] sig = signer.sign();
        // What signing through the memo produced is a standard signature: the JDK's provider accepts it.
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(k.getPublic());
        jdk.update(data);
        assertTrue(jdk.verify(sig));

        long[] before = SignatureMemo.counts();
        assertTrue(verify(k, data, sig));
        assertTrue(verify(k, data, sig));
        assertTrue(verify(k, data, sig));
        long[] after = SignatureMemo.counts();
        assertEquals(1, after[0] - before[0], "computed once");
        assertEquals(2, after[1] - before[1], "then remembered");

        byte[] tampered = data.clone();
        tampered[0] ^= 1;
        assertFalse(verify(k, tampered, sig), "other bytes: verified for real, and rejected");
        assertFalse(verify(k, tampered, sig), "and rejected again from the memo");
        assertFalse(verify(other, data, sig), "another key does not verify");
        assertTrue(verify(k, data, sig), "the good answer is unchanged");
        assertThrows(SignatureException.class, () -> verify(k, data, new byte[] {1, 2, 3}),
                "a malformed signature throws, as the JDK's provider does");
        assertArrayEquals(new long[] {after[0] + 2, after[1] + 2}, SignatureMemo.counts());
    }
}
