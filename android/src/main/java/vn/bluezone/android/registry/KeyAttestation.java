package vn.bluezone.android.registry;

import java.util.List;

/**
 * Port: a key attested by the phone's keystore (Android Key Attestation, API 24+). Generates a key whose attestation
 * challenge is {@code challenge} and returns its certificate chain, DER, leaf first. The app's implementation is
 * {@link AndroidKeyStoreAttestation}; tests substitute a keystore that issues chains from a test root (Robolectric
 * has no {@code AndroidKeyStore}).
 */
public interface KeyAttestation {
    /**
     * @throws Exception when the phone cannot attest a key (no keystore provider, no attestation support, a
     *                   keystore failure): the request then goes without attestation
     */
    List<byte[]> attestedChain(byte[] challenge) throws Exception;
}
