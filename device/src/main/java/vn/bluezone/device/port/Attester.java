package vn.bluezone.device.port;

import java.util.Optional;
import vn.bluezone.api.registry.Attestation;

/**
 * Platform port: a verdict from the phone's platform that this is the genuine app on a genuine device (issue 15 §3),
 * for the request named by {@code bindingText} ({@code AttestationBinding.registrationText} or {@code heartbeatText}).
 * Android attests a keystore key with {@code challenge = AttestationBinding.digest(bindingText)} (the app's
 * {@code KeyAttester}; Play Integrity would use {@code nonce = AttestationBinding.nonce(bindingText)}); iOS asks App
 * Attest with {@code clientDataHash = AttestationBinding.digest(bindingText)}. Empty when the platform cannot give
 * one: the request goes without, and the server counts the install as unattested.
 */
public interface Attester {
    /** No platform verdict: every install counts as unattested. */
    Attester NONE = bindingText -> Optional.empty();

    Optional<Attestation> attest(String bindingText);
}
