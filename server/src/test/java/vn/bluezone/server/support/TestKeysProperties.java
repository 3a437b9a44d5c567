package vn.bluezone.server.support;

import java.util.Base64;
import org.springframework.boot.context.properties.bind.Binder;
import vn.bluezone.server.keys.KeysProperties;

/** Default key server settings with a configured code secret (no database needed for KeySecrets). */
public final class TestKeysProperties {
    private TestKeysProperties() {
    }

    public static KeysProperties withSecret(boolean rateLimitsEnabled) {
        KeysProperties d = new Binder().bindOrCreate("bluezone.keys", KeysProperties.class);
        KeysProperties.Verification v = d.verification();
        return new KeysProperties(new KeysProperties.Verification(v.shortCodeValidity(), v.longCodeValidity(),
                v.tokenValidity(), v.certificateValidity(), v.maxDateAgeDays(),
                Base64.getEncoder().encodeToString(new byte[32])),
                new KeysProperties.RateLimit(rateLimitsEnabled, 10, 60, 2000, 200, false), d.submission(), d.export(),
                d.deviceConfig(), d.signing());
    }
}
