package vn.bluezone.simulator.engines;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thousands of simulated phones verify the same export files and the same signed configuration: on real phones
 * that is one ECDSA verification each, in the simulator's one process it is the largest cost of an exposure check
 * (~1 ms per verification on this machine, 2,000 phones per file). This JCA provider, put first in the simulator's
 * JVM only, answers {@code SHA256withECDSA} verifications from a memo keyed by (public key, SHA-256 of the data,
 * signature): the first phone's verification is computed by the JDK's own provider ({@code NONEwithECDSA} over the
 * digest, which is what {@code SHA256withECDSA} computes), the others get the same answer. Different bytes, a
 * changed signature or another key are a different entry and are verified for real, so a tampered file is still
 * rejected by every phone. Signing passes straight to the JDK's provider.
 */
public final class SignatureMemo {
    static final String PROVIDER = "BluezoneSimulatorSignatureMemo";
    private static final String JDK_EC = "SunEC";
    private static final int ENTRIES = 4096;

    private static final Map<ByteBuffer, Boolean> MEMO = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > ENTRIES;
        }
    };
    private static long verified;
    private static long remembered;

    private SignatureMemo() {
    }

    /** Puts the provider first in this JVM (once; later calls do nothing). */
    public static synchronized void install() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.insertProviderAt(new MemoProvider(), 1);
        }
    }

    /** Verifications computed, and answered from the memo, since the start of the process. */
    public static synchronized long[] counts() {
        return new long[] {verified, remembered};
    }

    private static synchronized Boolean lookUp(ByteBuffer key) {
        Boolean r = MEMO.get(key);
        if (r != null) {
            remembered++;
        }
        return r;
    }

    private static synchronized void remember(ByteBuffer key, boolean valid) {
        verified++;
        MEMO.put(key, valid);
    }

    private static final class MemoProvider extends Provider {
        MemoProvider() {
            super(PROVIDER, "1.0", "Bluezone simulator: remembered SHA256withECDSA verifications");
            putService(new Service(this, "Signature", "SHA256withECDSA", MemoSignature.class.getName(), null,
                    Map.of("SupportedKeyClasses",
                            "java.security.interfaces.ECPublicKey|java.security.interfaces.ECPrivateKey")) {
                @Override
                public Object newInstance(Object parameter) {
                    return new MemoSignature();
                }
            });
        }
    }

    /** Verifies through the memo; signs through the JDK's provider. */
    private static final class MemoSignature extends SignatureSpi {
        private MessageDigest digest;
        private PublicKey key;
        private Signature signer;

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            if (!(publicKey instanceof ECPublicKey)) {
                throw new InvalidKeyException("an EC public key is required");
            }
            this.key = publicKey;
            this.signer = null;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            engineInitSign(privateKey, null);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey, SecureRandom random) throws InvalidKeyException {
            try {
                signer = Signature.getInstance("SHA256withECDSA", JDK_EC);
            } catch (java.security.GeneralSecurityException e) {
                throw new InvalidKeyException("the JDK's EC provider is missing", e);
            }
            if (random == null) {
                signer.initSign(privateKey);
            } else {
                signer.initSign(privateKey, random);
            }
            key = null;
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            if (signer != null) {
                signer.update(b);
            } else {
                digest.update(b);
            }
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            if (signer != null) {
                signer.update(b, off, len);
            } else {
                digest.update(b, off, len);
            }
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            if (signer == null) {
                throw new SignatureException("not initialised for signing");
            }
            return signer.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            if (key == null) {
                throw new SignatureException("not initialised for verification");
            }
            byte[] d = digest.digest();
            byte[] k = key.getEncoded();
            ByteBuffer entry = ByteBuffer.allocate(12 + k.length + d.length + sigBytes.length)
                    .putInt(k.length).put(k).putInt(d.length).put(d).putInt(sigBytes.length).put(sigBytes);
            entry.flip();
            Boolean known = lookUp(entry);
            if (known != null) {
                return known;
            }
            boolean valid;
            try {
                Signature v = Signature.getInstance("NONEwithECDSA", JDK_EC);
                v.initVerify(key);
                v.update(d);
                valid = v.verify(sigBytes); // a malformed signature throws, as the JDK's own would, and is not kept
            } catch (InvalidKeyException | NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
                throw new SignatureException(e.getMessage(), e);
            }
            remember(entry, valid);
            return valid;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("no parameters");
        }
    }
}
