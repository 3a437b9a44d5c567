package vn.bluezone.android.registry;

import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;

/**
 * {@link KeyAttestation} on Android's keystore: a P-256 signing key generated in {@code AndroidKeyStore} (the TEE or
 * StrongBox where the phone has one) with {@link KeyGenParameterSpec.Builder#setAttestationChallenge}, then
 * {@link KeyStore#getCertificateChain}. The key serves only this attestation and is deleted afterwards; one alias
 * is reused, so at most one such key exists at a time. Keystore operations take tens to hundreds of milliseconds
 * and run on the app's worker thread, never the UI thread.
 */
public final class AndroidKeyStoreAttestation implements KeyAttestation {
    private static final String PROVIDER = "AndroidKeyStore";
    private static final String ALIAS = "bluezone-attestation";

    @Override
    public List<byte[]> attestedChain(byte[] challenge) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(KeyProperties.KEY_ALGORITHM_EC, PROVIDER);
        generator.initialize(new KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_SIGN)
                .setAlgorithmParameterSpec(new ECGenParameterSpec("secp256r1"))
                .setDigests(KeyProperties.DIGEST_SHA256)
                .setAttestationChallenge(challenge)
                .build());
        generator.generateKeyPair();
        KeyStore store = KeyStore.getInstance(PROVIDER);
        store.load(null);
        try {
            Certificate[] chain = store.getCertificateChain(ALIAS);
            if (chain == null || chain.length < 2) {
                // One self-signed certificate: the keystore made the key but cannot attest it.
                throw new IllegalStateException("the keystore gave no attestation chain");
            }
            List<byte[]> der = new ArrayList<>(chain.length);
            for (Certificate c : chain) {
                der.add(c.getEncoded());
            }
            return der;
        } finally {
            store.deleteEntry(ALIAS);
        }
    }
}
