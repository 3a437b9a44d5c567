package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional {@code attestation} of a registration or heartbeat (issue 15 §3): a verdict the phone's platform
 * signed, bound to the request by {@link AttestationBinding}. Without it the install is stored and counted as
 * unattested ("chưa xác thực"), never refused.
 *
 * @param kind  {@link #PLAY_INTEGRITY} (Android: the integrity token, a JWE), {@link #ANDROID_KEY} (Android: the
 *              certificate chain of a key attested by the phone's keystore, {@link AndroidKeyChain}),
 *              {@link #APP_ATTEST} (iOS: base64 of the attestation object the first time, of an assertion afterwards)
 *              or {@link #TEST} (test servers only)
 * @param token the token, as the platform gave it
 * @param keyId App Attest only: the key identifier {@code generateKey} returned (base64)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attestation(
        @JsonProperty("kind") String kind,
        @JsonProperty("token") String token,
        @JsonProperty("keyId") String keyId) {
    public static final String PLAY_INTEGRITY = "PLAY_INTEGRITY";
    public static final String APP_ATTEST = "APP_ATTEST";
    /**
     * Android Key Attestation: a key generated in the phone's keystore with the request's binding digest as the
     * attestation challenge; the token is its certificate chain ({@link AndroidKeyChain#token}).
     */
    public static final String ANDROID_KEY = "ANDROID_KEY";
    /** A token signed by a key the test server is configured with; refused by servers not configured for it. */
    public static final String TEST = "TEST";

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Attestation {
    }
}
