package vn.bluezone.simulator.engines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.device.sim.RadioModel;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.InMemoryDeviceStorage;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.util.Rand;

/**
 * Tracing by real phones (engines mode): a key server ({@link InProcessKeyServer}, or a running test server through
 * {@link RemoteKeyServer} with {@code --server}) and one {@link EnginePhones} engine per app user on one simulated
 * clock, which the server's clock follows. A confirmed case's phone gets a health officer's code, verifies it and uploads its
 * keys over HTTP; the export job runs at simulated times; each phone checks for new export files every few hours
 * at its own phase, downloads and verifies the signed files and matches them itself; its warnings come back
 * through the engine's notifier.
 */
public final class EngineTracing implements AutoCloseable {
    /**
     * Day 0 of a run on the in-process server (a Monday, as the day planner assumes); phones and server read time
     * from here. Against a remote test server, day 0 is the Monday after that server's clock.
     */
    public static final Instant DAY0 = Instant.parse("2021-07-19T00:00:00Z");
    private static final long CHECK = 0x43686563L;

    /** Told (person, F2?, simulated minute) when a phone warns its user. */
    public interface Warned {
        void warned(int person, boolean f2, int minute);
    }

    private final SimulationConfig cfg;
    private final SimulatedClock clock;
    private final HealthAuthority server;
    private final Instant dayZero;
    private final DownloadCache downloads;
    private final EnginePhones phones;
    private final ProximityBuffer proximity = new ProximityBuffer();
    private final int[] checkPhase;
    private final int[] filesSeen;
    private int files;
    private long checks;
    private int minute;

    public EngineTracing(SimulationConfig cfg, boolean[] appUser, float[] calibrationError, Warned warned) {
        this.cfg = cfg;
        SignatureMemo.install();
        if (cfg.serverUrl == null) {
            this.clock = new SimulatedClock(DAY0);
            this.server = new InProcessKeyServer(clock, cfg.risk); // the phones get the simulation's rule
        } else {
            RemoteKeyServer remote = RemoteKeyServer.connect(cfg.serverUrl, cfg.apiKey);
            this.clock = new SimulatedClock(remote.dayZero());
            this.server = remote;
        }
        this.dayZero = server.dayZero();
        this.downloads = new DownloadCache(server.client());
        try {
            // The table average calibration for every phone; per-phone residual error comes from calibrationError.
            // Every place is a room here (EnginePhones), so the mean is the room environment's, as in contacts mode.
            RadioModel radio = RadioModel.defaults()
                    .withPathLoss(Environment.ROOM.referenceDb(), Environment.ROOM.slopeDbPerDecade() / 10)
                    .withShadowingSigma(cfg.radio.shadowingSigmaDb()).withPacketLoss(cfg.radio.packetLoss());
            if (cfg.radio.shadowingSigmaDb() == 0) {
                // A noiseless channel has no fast fading either.
                radio = new RadioModel(radio.referenceLossDb(), radio.pathLossExponent(), 0, radio.shadowingCoherence(),
                        0, radio.packetLossProbability(), radio.sensitivityDbm(), radio.advertisingInterval());
            }
            this.phones = new EnginePhones(cfg.seed, appUser, calibrationError, radio,
                    CalibrationTable.shipped().lookup("unknown", "unknown"), server.exportPublicKeyPem(), clock,
                    downloads, storage(cfg.phoneStorage), (person, w) -> warned.warned(person, w.level() == WarningLevel.F2, minute));
        } catch (KeyServerException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("engines mode: the key server did not answer: " + e.getMessage(), e);
        }
        int n = phones.size();
        this.checkPhase = new int[n];
        this.filesSeen = new int[n];
        int interval = cfg.checkIntervalMinutes;
        for (int s = 0; s < n; s++) {
            int phase = (int) (Rand.uniform(Rand.hash(cfg.seed, CHECK, phones.person(s))) * interval);
            checkPhase[s] = phase / Ticks.MINUTES * Ticks.MINUTES;
        }
    }

    private static java.util.function.Supplier<DeviceStorage> storage(SimulationConfig.PhoneStorage kind) {
        return kind == SimulationConfig.PhoneStorage.SQLITE ? SqliteDeviceStorage::inMemory : InMemoryDeviceStorage::new;
    }

    public ProximityBuffer proximity() {
        return proximity;
    }

    /** The engine of a person's phone, or null without the app (for tests and figures). */
    public vn.bluezone.device.DeviceEngine engineOf(int person) {
        return phones.engineOf(person);
    }

    public int exportFiles() {
        return files;
    }

    public long checks() {
        return checks;
    }

    /** The instant of a simulated minute (minute 0 = day 0, 00:00 UTC). */
    public Instant at(int minute) {
        return dayZero.plus(Duration.ofMinutes(minute));
    }

    private void moveTo(int m) {
        if (m > minute) {
            minute = m;
            clock.set(at(m));
        }
    }

    /** One 5-minute tick: beacons and scans of every phone, then the checks due at this minute. */
    public void tick(int day, int tick, int m) {
        moveTo(m);
        if (tick == 0) {
            // The app's daily retention job: what is older than 14 days leaves the phone, so memory stays bounded.
            phones.purge();
        }
        phones.day(day, proximity);
        phones.tick(tick, at(minute));
        int interval = cfg.checkIntervalMinutes;
        for (int s = 0; s < phones.size(); s++) {
            if (Math.floorMod(m - checkPhase[s], interval) >= Ticks.MINUTES) {
                continue;
            }
            // A phone whose last check saw every file written so far would download only the index and find
            // nothing new; skipping that request changes no outcome and spares the in-process server.
            if (filesSeen[s] == files) {
                continue;
            }
            filesSeen[s] = files;
            checks++;
            try {
                phones.engine(s).checkExposures();
            } catch (KeyServerException e) {
                throw new IllegalStateException("engines mode: exposure check failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A case's phone reports: the health officer issues a code, the phone verifies it, the user consents, the
     * phone uploads. Answers whether the upload was accepted.
     */
    public boolean upload(int person, int m, boolean recursive, int onsetMinute) {
        moveTo(m);
        var engine = phones.engineOf(person);
        if (engine == null) {
            return false;
        }
        LocalDate onset = LocalDate.ofInstant(at(Math.min(onsetMinute, m)), ZoneOffset.UTC);
        server.clockAt(at(minute));
        String code = server.issueCode(recursive ? ReportType.RECURSIVE : ReportType.CONFIRMED_TEST, onset);
        try {
            PendingReport pending = engine.report().verify(code);
            engine.report().uploadWithConsent(pending);
            return true;
        } catch (KeyServerException e) {
            throw new IllegalStateException("engines mode: upload failed: " + e.getMessage(), e);
        }
    }

    /** Runs the server's export job at this simulated minute. */
    public void export(int m) {
        moveTo(m);
        server.clockAt(at(minute));
        files += server.export();
        downloads.invalidate();
    }

    @Override
    public void close() {
        try {
            phones.close();
        } finally {
            server.close();
        }
    }
}
