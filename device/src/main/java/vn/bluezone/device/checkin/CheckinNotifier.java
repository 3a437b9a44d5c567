package vn.bluezone.device.checkin;

import vn.bluezone.device.messages.RenderedWarning;

/** Port: shows a check-in warning (facts and the rendered title/body in the user's language). */
@FunctionalInterface
public interface CheckinNotifier {
    void notify(CheckinWarning warning, RenderedWarning text);
}
