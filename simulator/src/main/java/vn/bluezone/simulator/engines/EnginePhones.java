package vn.bluezone.simulator.engines;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.DeviceEngine;
import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.port.Scanner;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.ReceivedPacket;
import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.device.sim.RadioModel;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.simulator.util.Rand;

/**
 * One real {@link DeviceEngine} per app user, each with its own {@link DeviceStorage} (the in-memory store by
 * default, SQLite on request), all on one {@link SimulatedClock} shared with the key server. The radio is the
 * simulator's proximity (who is within 6 m of whom at each 5-minute tick, from {@link ProximityBuffer}) instead of
 * the device's all-pairs simulated radio, whose scans are O(phones); each packet's RSSI follows the device's
 * {@link RadioModel} with the shared {@link EncounterRadio} for the slow terms:
 * {@code rssi = tx - pathLoss(d) - encounter terms - per-packet fading - rssiCorrection + calibrationError}.
 */
public final class EnginePhones implements AutoCloseable {
    private static final long FADE = 0x46616465L;
    private static final long LOSS = 0x4C6F7373L;

    private final long seed;
    private final SimulatedClock clock;
    private final RadioModel radio;
    private final EncounterRadio encounters;
    private final DeviceCalibration calibration;
    private final float[] calibrationError;
    private final int[] people;
    /** Person index to engine slot, -1 for people without the app. */
    private final int[] slotOf;
    private final DeviceEngine[] engines;
    private final Advertisement[] onAir;
    private ProximityBuffer proximity;
    private int day;
    private int tick;
    /** The current tick's neighbours per engine slot (CSR: entries {@code from[s] .. from[s+1]} of {@link #entry}). */
    private int[] from;
    private int[] entry = new int[64];

    /**
     * @param appUser who runs an engine
     * @param warned told (person, warning) when an engine warns its user
     */
    public EnginePhones(long seed, boolean[] appUser, float[] calibrationError, RadioModel radio,
                        DeviceCalibration calibration, String exportKeyPem, SimulatedClock clock,
                        KeyServerClient server, Supplier<DeviceStorage> storage,
                        BiConsumer<Integer, ExposureWarning> warned) {
        this.seed = seed;
        this.clock = clock;
        this.radio = radio;
        this.encounters = new EncounterRadio(seed);
        this.calibration = calibration;
        this.calibrationError = calibrationError;
        int n = 0;
        for (boolean b : appUser) {
            if (b) {
                n++;
            }
        }
        this.people = new int[n];
        this.slotOf = new int[appUser.length];
        this.engines = new DeviceEngine[n];
        this.onAir = new Advertisement[n];
        DeviceConfig config = DeviceConfig.of("VN", calibration, exportKeyPem);
        int s = 0;
        for (int p = 0; p < appUser.length; p++) {
            slotOf[p] = -1;
            if (!appUser[p]) {
                continue;
            }
            final int slot = s++;
            final int person = p;
            people[slot] = p;
            slotOf[p] = slot;
            Advertiser advertiser = new Advertiser() {
                @Override
                public void advertise(Advertisement a) {
                    onAir[slot] = a;
                }

                @Override
                public void stop() {
                    onAir[slot] = null;
                }
            };
            Scanner scanner = (window, listener) -> scan(slot, window, listener);
            engines[slot] = new DeviceEngine(config, clock, advertiser, scanner, storage.get(),
                    (warning, title, body) -> warned.accept(person, warning), server, random(seed, p));
        }
    }

    private static SecureRandom random(long seed, int person) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            // Seeded before first use, SHA1PRNG is deterministic: the same seed gives the same keys.
            r.setSeed(("sim:" + seed + ":" + person).getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
        }
    }

    public int size() {
        return engines.length;
    }

    public DeviceEngine engineOf(int person) {
        int s = slotOf[person];
        return s < 0 ? null : engines[s];
    }

    public int person(int slot) {
        return people[slot];
    }

    public DeviceEngine engine(int slot) {
        return engines[slot];
    }

    /** Today's proximity, replayed tick by tick by {@link #tick}. */
    public void day(int day, ProximityBuffer proximity) {
        this.day = day;
        this.proximity = proximity;
    }

    /** All phones rotate their beacons, then all scan that are due (so what one hears never depends on order). */
    public void tick(int tickOfDay, Instant at) {
        this.tick = tickOfDay;
        clock.set(at);
        indexTick();
        for (DeviceEngine e : engines) {
            e.updateAdvertisement();
        }
        for (DeviceEngine e : engines) {
            e.scanIfDue();
        }
    }

    /** Groups the tick's pairs by phone, so that a scan costs what that phone hears, not what the commune does. */
    private void indexTick() {
        int n = engines.length;
        if (from == null) {
            from = new int[n + 1];
        }
        java.util.Arrays.fill(from, 0);
        ProximityBuffer px = proximity;
        int m = px == null ? 0 : px.size(tick);
        for (int i = 0; i < m; i++) {
            from[slotOf[px.a(tick, i)] + 1]++;
            from[slotOf[px.b(tick, i)] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            from[s + 1] += from[s];
        }
        if (entry.length < 2 * m) {
            entry = new int[2 * m];
        }
        int[] fill = java.util.Arrays.copyOf(from, n);
        for (int i = 0; i < m; i++) {
            entry[fill[slotOf[px.a(tick, i)]]++] = i;
            entry[fill[slotOf[px.b(tick, i)]]++] = i;
        }
    }

    /** Delivers, for every app user near this phone at the current tick, the packets of one scan window. */
    private void scan(int slot, Duration window, ScanListener listener) {
        int me = people[slot];
        ProximityBuffer px = proximity;
        if (px != null && from != null) {
            int packets = (int) Math.max(1, window.toMillis() / radio.advertisingInterval().toMillis());
            for (int e = from[slot]; e < from[slot + 1]; e++) {
                int i = entry[e];
                int a = px.a(tick, i);
                int other = a == me ? px.b(tick, i) : a;
                int os = slotOf[other];
                Advertisement ad = os < 0 ? null : onAir[os];
                if (ad == null) {
                    continue;
                }
                deliver(me, other, px.metres(tick, i), packets, ad, listener);
            }
        }
        listener.onScanFinished();
    }

    private void deliver(int me, int other, float metres, int packets, Advertisement ad, ScanListener listener) {
        long pair = ((long) Math.min(me, other) << 32) | Math.max(me, other);
        // The shared encounter model (pose losses and a shadow held while the poses last, per-scan fading), scaled
        // by --noise / 8; the proximity buffer does not say where the pair is, so every place is a room.
        double scale = radio.shadowingSigmaDb() / vn.bluezone.simulator.tracing.RadioModel.FITTED_SIGMA_DB;
        long scanSlot = (long) day * vn.bluezone.simulator.day.Ticks.PER_DAY + tick;
        double shadow = scale == 0 ? 0 : scale * (encounters.slowDb(Environment.ROOM, me, other, day, scanSlot)
                + encounters.fadingDb(Environment.ROOM, me, other, scanSlot));
        double base = calibration.txPower() - radio.pathLossDb(metres) - shadow - calibration.rssiCorrection()
                + calibrationError[me] + calibrationError[other];
        double fading = radio.fastFadingSigmaDb();
        double loss = radio.packetLossProbability();
        double sensitivity = radio.sensitivityDbm();
        byte[] data = ad.serviceData();
        // One hash per (receiver, sender, scan), then one mix per packet: fading and loss of each packet.
        long scanHash = Rand.hash(seed, FADE, day, tick, pair * 31 + me * 7L);
        for (int k = 0; k < packets; k++) {
            long h = Rand.hash(scanHash, k);
            if (loss > 0 && Rand.uniform(Rand.mix(h ^ LOSS)) < loss) {
                continue;
            }
            double rssi = fading == 0 ? base : base + fading * Rand.gaussian(h);
            if (rssi < sensitivity) {
                continue;
            }
            listener.onPacket(new ReceivedPacket(ad.address(), Advertisement.SERVICE_UUID, data,
                    (int) Math.round(rssi)));
        }
    }

    /** Every phone applies the 14-day retention. */
    public void purge() {
        for (DeviceEngine e : engines) {
            e.purge();
        }
    }

    @Override
    public void close() {
        for (DeviceEngine e : engines) {
            e.close();
        }
    }
}
