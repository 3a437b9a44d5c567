package vn.bluezone.device.sim;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.DeviceEngine;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.SqliteDeviceStorage;

/**
 * Real device engines on a {@link SimulatedRadio}, driven by one {@link SimulatedClock}. Each step first lets
 * every phone update its advertisement, then lets every phone scan that is due, then moves time on; so what a
 * scan hears never depends on the order of phones. Each phone may have its own clock skew.
 *
 * <p>Phones get a SHA1PRNG seeded from the world seed and their name, so runs repeat exactly; real phones use
 * the platform's {@link SecureRandom}.
 */
public final class SimulatedWorld {
    private final SimulatedClock clock;
    private final SimulatedRadio radio;
    private final long seed;
    private final List<Phone> phones = new ArrayList<>();

    public SimulatedWorld(RadioModel model, long seed, Instant start) {
        this(model, seed, new SimulatedClock(start));
    }

    /** A world on an existing clock (e.g. one a key server in the same JVM also runs on). */
    public SimulatedWorld(RadioModel model, long seed, SimulatedClock clock) {
        this.clock = clock;
        this.radio = new SimulatedRadio(model, seed, clock);
        this.seed = seed;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public SimulatedRadio radio() {
        return radio;
    }

    public List<Phone> phones() {
        return List.copyOf(phones);
    }

    /** Adds a phone with an in-memory database. */
    public Phone addPhone(String name, DeviceConfig config, Trajectory trajectory, Duration clockSkew,
                          KeyServerClient server) {
        return addPhone(name, config, trajectory, clockSkew, server, SqliteDeviceStorage.inMemory());
    }

    public Phone addPhone(String name, DeviceConfig config, Trajectory trajectory, Duration clockSkew,
                          KeyServerClient server, DeviceStorage storage) {
        SimulatedRadio.Node node = radio.join(name, config.calibration(), trajectory);
        Clock phoneClock = clock.skewed(clockSkew);
        RecordingNotifier notifier = new RecordingNotifier();
        DeviceEngine engine = new DeviceEngine(config, phoneClock, node.advertiser(), node.scanner(), storage,
                notifier, server, deterministicRandom(name));
        Phone p = new Phone(name, engine, node, notifier, phoneClock);
        phones.add(p);
        return p;
    }

    /** Runs all phones from now until {@code end} in steps of {@code step}. */
    public void runUntil(Instant end, Duration step) {
        while (clock.instant().isBefore(end)) {
            for (Phone p : phones) {
                if (p.active) {
                    p.engine.updateAdvertisement();
                }
            }
            for (Phone p : phones) {
                if (p.active) {
                    p.engine.scanIfDue();
                }
            }
            clock.advance(step);
        }
    }

    private SecureRandom deterministicRandom(String name) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            // Seeding before first use makes SHA1PRNG deterministic.
            r.setSeed((seed + ":" + name).getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
        }
    }

    /** A simulated phone. */
    public static final class Phone {
        private final String name;
        private final DeviceEngine engine;
        private final SimulatedRadio.Node node;
        private final RecordingNotifier notifier;
        private final Clock clock;
        private volatile boolean active = true;

        Phone(String name, DeviceEngine engine, SimulatedRadio.Node node, RecordingNotifier notifier, Clock clock) {
            this.name = Objects.requireNonNull(name);
            this.engine = engine;
            this.node = node;
            this.notifier = notifier;
            this.clock = clock;
        }

        public String name() {
            return name;
        }

        public DeviceEngine engine() {
            return engine;
        }

        public SimulatedRadio.Node node() {
            return node;
        }

        public RecordingNotifier notifier() {
            return notifier;
        }

        public Clock clock() {
            return clock;
        }

        /** Switches the phone off (no advertising, no scanning) or on again. */
        public void setActive(boolean on) {
            active = on;
            if (on) {
                engine.resume();
            } else {
                engine.stop();
            }
        }
    }
}
