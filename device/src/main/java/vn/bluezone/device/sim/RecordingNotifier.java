package vn.bluezone.device.sim;

import java.util.ArrayList;
import java.util.List;

import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.port.Notifier;

/** A notifier that keeps what it was asked to show (simulations and tests). */
public final class RecordingNotifier implements Notifier {
    private final List<Shown> shown = new ArrayList<>();

    @Override
    public synchronized void notify(ExposureWarning warning, String title, String body) {
        shown.add(new Shown(warning, title, body));
    }

    public synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    public synchronized List<ExposureWarning> warnings() {
        return shown.stream().map(Shown::warning).toList();
    }

    /** One notification as shown. */
    public record Shown(ExposureWarning warning, String title, String body) {
    }
}
