package vn.bluezone.android.registry;

import java.util.List;
import java.util.Optional;

import android.util.Log;

import vn.bluezone.api.registry.AndroidKeyChain;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;
import vn.bluezone.device.port.Attester;

/**
 * The app's {@link Attester}: Android Key Attestation of a fresh key whose challenge is the request's binding digest
 * ({@link AttestationBinding#digest}), sent as an {@code ANDROID_KEY} attestation ({@link AndroidKeyChain}). Where
 * the phone cannot attest (no hardware keystore, a keystore error, a chain too long) the request goes without
 * attestation and the install counts as unattested; one log line says why.
 */
public final class KeyAttester implements Attester {
    private static final String TAG = "Bluezone";
    private final KeyAttestation keystore;

    public KeyAttester(KeyAttestation keystore) {
        this.keystore = keystore;
    }

    @Override
    public Optional<Attestation> attest(String bindingText) {
        try {
            List<byte[]> chain = keystore.attestedChain(AttestationBinding.digest(bindingText));
            if (chain.size() > AndroidKeyChain.MAX_CERTIFICATES) {
                throw new IllegalStateException(chain.size() + " certificates");
            }
            return Optional.of(new Attestation(Attestation.ANDROID_KEY, AndroidKeyChain.token(chain), null));
        } catch (Exception | LinkageError e) {
            Log.w(TAG, "Key attestation unavailable, sending without: " + e);
            return Optional.empty();
        }
    }
}
