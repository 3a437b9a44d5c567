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
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.scan.ScanCollector;
import vn.bluezone.device.scan.ScanSchedule;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.PurgeResult;

/**
 * The engine a phone app embeds. The platform calls {@link #tick()} regularly (every few seconds while awake, or
 * from an alarm); the engine rotates keys and the advertisement, runs the duty-cycled scans and stores what they
 * heard. {@link #checkExposures()} downloads new export files and warns the user; {@link #report()} is the flow
 * for a confirmed case. {@link #purge()} applies the 14-day retention (call it daily).
 * {@link #refreshConfiguration()} (also part of every exposure check) applies the key server's signed
 * configuration: risk rule, scan duty cycle, minimum app version.
 */
public final class DeviceEngine implements AutoCloseable {
    /** The engine's own version: an app that does not give its version ({@link DeviceConfig#appVersion}) has it. */
    public static final String VERSION = "1.0.0";

    private final DeviceConfig config;
    private final Clock clock;
    private final Advertiser advertiser;
    private final Scanner scanner;
    private final DeviceStorage storage;
    private final KeyRotation rotation;
    private final ScanSchedule schedule;
    private final ReportFlow reportFlow;
    private final ExposureChecker checker;
    private final ServerConfiguration settings;

    public DeviceEngine(DeviceConfig config, Clock clock, Advertiser advertiser, Scanner scanner,
                        DeviceStorage storage, Notifier notifier, KeyServerClient server, SecureRandom random) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.advertiser = Objects.requireNonNull(advertiser);
        this.scanner = Objects.requireNonNull(scanner);
        this.storage = Objects.requireNonNull(storage);
        this.rotation = new KeyRotation(storage, clock, random, config.calibration().txPower());
        // The duty cycle the server set before a restart, else the app's.
        this.settings = new ServerConfiguration(config, clock, storage, server, notifier, this::useDutyCycle);
        DutyCycle dutyCycle = settings.dutyCycle();
        // A random phase within the period spreads phones' scans over time.
        long periodMs = dutyCycle.period().toMillis();
        this.schedule = new ScanSchedule(dutyCycle,
                clock.instant().plusMillis(Math.floorMod(random.nextLong(), periodMs)));
        this.reportFlow = new ReportFlow(server, storage, rotation, clock, random);
        this.checker = new ExposureChecker(config, clock, storage, server, notifier, settings);
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

    private void useDutyCycle(DutyCycle d) {
        schedule.change(d);
    }

    /** The scan duty cycle in force: the key server's once its signed configuration set one, else the app's. */
    public DutyCycle dutyCycle() {
        return schedule.dutyCycle();
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
        Duration window = schedule.dutyCycle().window();
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

    /**
     * Fetches the key server's configuration and applies it if its signature verifies: risk rule, scan duty cycle
     * (from the next scan on, kept across restarts), and the minimum app version (the user is told once per
     * required version). {@link #checkExposures()} does this too; call this alone to apply a new duty cycle
     * without downloading export files. Never throws for an unreachable server: the result says what happened.
     */
    public ConfigurationRefresh refreshConfiguration() {
        return settings.refresh();
    }

    /** Applies the server's configuration, downloads new export files, verifies, matches, scores, and warns. */
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
