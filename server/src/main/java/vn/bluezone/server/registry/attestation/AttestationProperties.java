package vn.bluezone.server.registry.attestation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluezone.registry.attestation.*} (issue 15 §3). A verifier is enabled only when its keys are configured; with
 * none, every install counts as unattested ("chưa xác thực").
 *
 * @param requiredForRanking the rate officials are ranked on (rankings, tiles, exports, campaign targets) counts
 *                           attested installs only (default true); false counts every install, as before attestation
 * @param playIntegrity      Android: verdicts decrypted and verified on the server ("verify locally")
 * @param appAttest          iOS: attestation objects checked against the configured roots, assertions against the
 *                           stored key
 * @param test               test servers only: tokens signed by a key the tests generate
 */
@ConfigurationProperties("bluezone.registry.attestation")
public record AttestationProperties(@DefaultValue("true") boolean requiredForRanking,
                                    @DefaultValue PlayIntegrity playIntegrity,
                                    @DefaultValue AppAttest appAttest,
                                    @DefaultValue Test test) {

    /**
     * @param packageName     the app's package name ({@code requestDetails.requestPackageName})
     * @param decryptionKey   base64 of the AES-256 key Play Console gives ("Response encryption", decryption key)
     * @param verificationKey base64 of the X.509 EC P-256 public key Play Console gives (verification key)
     * @param maxAge          how old a verdict ({@code requestDetails.timestampMillis}) may be
     */
    public record PlayIntegrity(String packageName, String decryptionKey, String verificationKey,
                                @DefaultValue("PT10M") Duration maxAge) {
        public boolean enabled() {
            return notBlank(packageName) && notBlank(decryptionKey) && notBlank(verificationKey);
        }
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
