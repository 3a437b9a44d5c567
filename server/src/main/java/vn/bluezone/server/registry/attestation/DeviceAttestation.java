package vn.bluezone.server.registry.attestation;

import vn.bluezone.api.registry.Attestation;

/**
 * The port through which a platform's verdict on an install is checked (issue 15 §3): Play Integrity, App Attest,
 * or the test verifier. A verifier checks the token's signature with keys configured on this server (no call to a
 * vendor), that it was made for this app, that it is fresh, and that it is bound to {@code binding} (the SHA-256 of
 * the request's {@code AttestationBinding} text). A refusal is a {@code DomainException} with a stable
 * {@code ATTESTATION_*} code ({@link AttestationRefusal}).
 */
public interface DeviceAttestation {
    /** The {@link Attestation#kind()} this verifier reads. */
    String kind();

    /** Verifies {@code attestation}; returns the verdict or throws a refusal. */
    Verdict verify(Attestation attestation, byte[] binding);

    /** An accepted attestation: its kind, and the App Attest key it was made with (null for other kinds). */
    record Verdict(String kind, String keyId) {
    }
}
