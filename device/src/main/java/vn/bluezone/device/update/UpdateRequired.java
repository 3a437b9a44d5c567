package vn.bluezone.device.update;

import java.time.Instant;
import java.util.Objects;

/**
 * The key server requires a newer app than this one: {@code minimumAppVersion} from its signed configuration is
 * above the app's version. The user is told once per required version.
 */
public record UpdateRequired(AppVersion appVersion, AppVersion minimumAppVersion, Instant at) {
    public UpdateRequired {
        Objects.requireNonNull(appVersion);
        Objects.requireNonNull(minimumAppVersion);
        Objects.requireNonNull(at);
        if (!appVersion.isOlderThan(minimumAppVersion)) {
            throw new IllegalArgumentException("app version " + appVersion + " already meets " + minimumAppVersion);
        }
    }
}
