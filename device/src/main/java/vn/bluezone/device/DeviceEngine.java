package vn.bluezone.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import vn.bluezone.device.keys.KeyRotation;
import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.port.Scanner;
import vn.bluezone.device.radio.ReceivedPacket;
import vn.bluezone.device.report.ReportFlow;
import vn.bluezone.device.scan.ScanCollector;
import vn.bluezone.device.scan.ScanSchedule;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.PurgeResult;

/**
 * The engine a phone app embeds. The platform calls {@link #tick()} regularly (every few seconds while awake, or
 * from an alarm); the engine rotates keys and the advertisement, runs the duty-cycled scans and stores what they
 * heard. {@link #checkExposures()} downloads new export files and warns the user; {@link #report()} is the flow
 * for a confirmed case. {@link #purge()} applies the 14-day retention (call it daily).
 */
public final class DeviceEngine implements AutoCloseable {
    private final DeviceConfig config;
    private final Clock clock;
    private final Advertiser advertiser;
    private final Scanner scanner;
    private final DeviceStorage storage;
    private final KeyRotation rotation;
    private final ScanSchedule schedule;
    private final ReportFlow reportFlow;
    private final ExposureChecker checker;

    public DeviceEngine(DeviceConfig config, Clock clock, Advertiser advertiser, Scanner scanner,
                        DeviceStorage storage, Notifier notifier, KeyServerClient server, SecureRandom random) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.advertiser = Objects.requireNonNull(advertiser);
        this.scanner = Objects.requireNonNull(scanner);
        this.storage = Objects.requireNonNull(storage);
        this.rotation = new KeyRotation(storage, clock, random, config.calibration().txPower());
        // A random phase within the period spreads phones' scans over time.
        long periodMs = config.dutyCycle().period().toMillis();
        this.schedule = new ScanSchedule(config.dutyCycle(),
                clock.instant().plusMillis(Math.floorMod(random.nextLong(), periodMs)));
        this.reportFlow = new ReportFlow(server, storage, rotation, clock, random);
        this.checker = new ExposureChecker(config, clock, storage, server, notifier);
    }

    public DeviceConfig config() {
        return config;
    }

    public DeviceStorage storage() {
        return storage;
    }

    public KeyRotation keyRotation() {
        return rotation;
    }

    public ScanSchedule scanSchedule() {
        return schedule;
    }

    /** Rotates and scans as due. */
    public void tick() {
        updateAdvertisement();
        scanIfDue();
    }

    /** Puts a new advertisement on air when the 10-minute interval (or the day's key) changed. */
    public KeyRotation.Rotation updateAdvertisement() {
        KeyRotation.Rotation r = rotation.refresh();
        if (r.changed()) {
            advertiser.advertise(r.advertisement());
        }
        return r;
    }

    /** Runs a scan when the duty cycle says so; its sightings are stored when the platform says it finished. */
    public boolean scanIfDue() {
        Instant now = clock.instant();
        if (!schedule.takeIfDue(now)) {
            return false;
        }
        Duration window = config.dutyCycle().window();
        ScanCollector collector = new ScanCollector();
        scanner.scan(window, new ScanListener() {
            @Override
            public void onPacket(ReceivedPacket packet) {
                collector.onPacket(packet);
            }

            @Override
            public void onScanFinished() {
                collector.onScanFinished();
                storage.recordScan(now, window, collector.sightings());
            }
        });
        return true;
    }

    /** Downloads new export files, verifies, matches, scores, and warns. */
    public ExposureCheckResult checkExposures() throws vn.bluezone.device.server.KeyServerException {
        return checker.check();
    }

    public ReportFlow report() {
        return reportFlow;
    }

    /** Deletes sightings, scans, keys and other records older than the retention (14 days). */
    public PurgeResult purge() {
        return storage.purgeBefore(clock.instant().minus(config.retention()));
    }

    /** Advertises again after {@link #stop()}. */
    public void resume() {
        var current = rotation.current();
        if (current != null) {
            advertiser.advertise(current);
        }
        updateAdvertisement();
    }

    /** Stops advertising (the user turned the app off). */
    public void stop() {
        advertiser.stop();
    }

    @Override
    public void close() {
        stop();
        storage.close();
    }
}
