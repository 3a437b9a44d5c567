package vn.bluezone.device.port;

import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.update.UpdateRequired;

/**
 * Platform port: shows the user a warning (a notification on a phone). The warning carries its facts; the text
 * comes from {@link vn.bluezone.device.messages.WarningMessages} in the user's language.
 */
public interface Notifier {
    void notify(ExposureWarning warning, String title, String body);

    /**
     * Shows that the key server requires a newer app (once per required version); the text comes from
     * {@link vn.bluezone.device.messages.WarningMessages#renderUpdate}. The default shows nothing, so that
     * notifiers written before this existed (lambdas included) keep compiling; a phone app overrides it.
     */
    default void notifyUpdateRequired(UpdateRequired update, String title, String body) {
    }
}
