package vn.bluezone.server.registry.attestation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.registry.attestation.*} (issue 15 §3). A verifier is enabled only when its keys are configured; with
 * none, every install counts as unattested ("chưa xác thực"). Android Key Attestation needs no secret, only Google's
 * public roots (shipped), so it is on by default.
 *
 * @param requiredForRanking the rate officials are ranked on (rankings, tiles, exports, campaign targets) counts
 *                           attested installs only (default true); false counts every install, as before attestation
 * @param playIntegrity      Android: verdicts decrypted and verified on the server ("verify locally")
 * @param androidKey         Android: certificate chains of keys the phone's keystore attested, checked up to Google's
 *                           hardware attestation roots
 * @param appAttest          iOS: attestation objects checked against the configured roots, assertions against the
 *                           stored key
 * @param test               test servers only: tokens signed by a key the tests generate
 */
@ConfigurationProperties("bluezone.registry.attestation")
@Validated
public record AttestationProperties(@DefaultValue("true") boolean requiredForRanking,
                                    @DefaultValue @Valid PlayIntegrity playIntegrity,
                                    @DefaultValue @Valid AndroidKey androidKey,
                                    @DefaultValue AppAttest appAttest,
                                    @DefaultValue Test test) {

    /**
     * @param packageName     the app's package name ({@code requestDetails.requestPackageName})
     * @param decryptionKey   base64 of the AES-256 key Play Console gives ("Response encryption", decryption key)
     * @param verificationKey base64 of the X.509 EC P-256 public key Play Console gives (verification key)
     * @param maxAge          how old a verdict ({@code requestDetails.timestampMillis}) may be
     * @param certificateDigests SHA-256 digests of the app's signing certificate (hex, colons allowed, or base64):
     *                        when set, {@code appIntegrity.certificateSha256Digest} must name one of them; empty
     *                        (the default) leaves it to Play's {@code PLAY_RECOGNIZED}
     */
    public record PlayIntegrity(String packageName, String decryptionKey, String verificationKey,
                                @DefaultValue("PT10M") Duration maxAge,
                                @DefaultValue List<String> certificateDigests) {
        public boolean enabled() {
            return notBlank(packageName) && notBlank(decryptionKey) && notBlank(verificationKey);
        }
    }

    /**
     * @param enabled                   check {@code ANDROID_KEY} attestations (default true: it needs no secret)
     * @param packageName               the package the key's {@code attestationApplicationId} must name
     * @param rootCertificates          PEM files of the roots a chain must reach; empty (the default) = Google's
     *                                  hardware attestation roots shipped in
     *                                  {@code registry/attestation/google-hardware-attestation-roots.pem}
     * @param signingCertificateDigests SHA-256 digests of the app's signing certificate (hex, colons allowed, or
     *                                  base64): when set, the attestationApplicationId must list one of them; empty
     *                                  (the default) accepts any signer of a package with this name, i.e. a
     *                                  re-signed copy of the app too
     * @param revocationList            optional file in the JSON format of Google's attestation status list
     *                                  ({@code {"entries": {"<serial hex>": {"status": "REVOKED", ...}}}}); a chain
     *                                  with a listed serial is refused. Re-read when the file changes.
     */
    public record AndroidKey(@DefaultValue("true") boolean enabled,
                             @DefaultValue("vn.bluezone.android") @NotBlank String packageName,
                             @DefaultValue @NotNull List<String> rootCertificates,
                             @DefaultValue @NotNull List<String> signingCertificateDigests,
                             String revocationList) {
    }

    /**
     * @param appId            team id and bundle id, {@code ABCDE12345.vn.gov.bluezone}
     * @param rootCertificates PEM files of the roots an attestation's chain must end at (Apple App Attestation Root
     *                         CA, from Apple's Private PKI page)
     * @param development      accept the development environment's AAGUID ({@code appattestdevelop}) instead of
     *                         production's
     */
    public record AppAttest(String appId, @DefaultValue List<String> rootCertificates,
                            @DefaultValue("false") boolean development) {
        public boolean enabled() {
            return notBlank(appId) && rootCertificates != null && !rootCertificates.isEmpty();
        }
    }

    /**
     * @param publicKey base64 of an X.509 EC P-256 public key; tokens are ES256 JWS {@code {nonce, iat}} signed by its
     *                  private key. Leave empty in production (the default).
     * @param maxAge    how old {@code iat} may be
     */
    public record Test(String publicKey, @DefaultValue("PT10M") Duration maxAge) {
        public boolean enabled() {
            return notBlank(publicKey);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
