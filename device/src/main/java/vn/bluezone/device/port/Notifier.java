package vn.bluezone.device.port;

import vn.bluezone.device.exposure.ExposureWarning;

/**
 * Platform port: shows the user a warning (a notification on a phone). The warning carries its facts; the text
 * comes from {@link vn.bluezone.device.messages.WarningMessages} in the user's language.
 */
public interface Notifier {
    void notify(ExposureWarning warning, String title, String body);
}
