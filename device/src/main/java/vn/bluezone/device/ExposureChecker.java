package vn.bluezone.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.store.DeviceStorage;

/**
 * The exposure check (in progress: export verification, matching and scoring plug in from the protocol module).
 */
final class ExposureChecker {
    private final DeviceConfig config;
    private final Clock clock;
    private final DeviceStorage storage;
    private final KeyServerClient server;
    private final Notifier notifier;

    ExposureChecker(DeviceConfig config, Clock clock, DeviceStorage storage, KeyServerClient server,
                    Notifier notifier) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.storage = Objects.requireNonNull(storage);
        this.server = Objects.requireNonNull(server);
        this.notifier = Objects.requireNonNull(notifier);
    }

    ExposureCheckResult check() throws KeyServerException {
        List<String> newFiles = new ArrayList<>();
        for (String region : config.regions()) {
            Set<String> done = storage.processedExportFiles(region);
            for (String name : server.exportIndex(region)) {
                if (!done.contains(name)) {
                    newFiles.add(name);
                }
            }
        }
        throw new UnsupportedOperationException("exposure check needs the protocol export reader, matcher and"
                + " risk scoring, not merged yet; " + newFiles.size() + " new export files listed");
    }
}
