package vn.bluezone.device.sim;

import java.util.ArrayList;
import java.util.List;

import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.update.UpdateRequired;

/** A notifier that keeps what it was asked to show (simulations and tests). */
public final class RecordingNotifier implements Notifier {
    private final List<Shown> shown = new ArrayList<>();
    private final List<ShownUpdate> updates = new ArrayList<>();

    @Override
    public synchronized void notify(ExposureWarning warning, String title, String body) {
        shown.add(new Shown(warning, title, body));
    }

    @Override
    public synchronized void notifyUpdateRequired(UpdateRequired update, String title, String body) {
        updates.add(new ShownUpdate(update, title, body));
    }

    /** Exposure warnings shown (update notices are in {@link #updates()}). */
    public synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    public synchronized List<ExposureWarning> warnings() {
        return shown.stream().map(Shown::warning).toList();
    }

    public synchronized List<ShownUpdate> updates() {
        return List.copyOf(updates);
    }

    /** One update notice as shown. */
    public record ShownUpdate(UpdateRequired update, String title, String body) {
    }

    /** One notification as shown. */
    public record Shown(ExposureWarning warning, String title, String body) {
    }
}
