package vn.bluezone.device.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.BluetoothAddress;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.AdvertisementPayload;
import vn.bluezone.protocol.crypto.BluetoothMetadata;
import vn.bluezone.protocol.crypto.TekGenerator;
import vn.bluezone.protocol.crypto.TekKeys;

/**
 * The phone's identity on air. A new Temporary Exposure Key at every UTC day boundary (rolling start a
 * multiple of 144, stored so that it can be uploaded later); a new RPI every 10-minute interval, and with it a
 * new random Bluetooth address so that the address never links two RPIs; the AEM carries metadata version 1.0
 * and the phone model's calibrated transmit power. Time is this phone's own clock, skew and all.
 */
public final class KeyRotation {
    private final DeviceStorage storage;
    private final Clock clock;
    private final SecureRandom random;
    private final TekGenerator generator;
    private final BluetoothMetadata metadata;

    private TemporaryExposureKey key;
    private TekKeys keys;
    private long interval = -1;
    private Advertisement current;

    public KeyRotation(DeviceStorage storage, Clock clock, SecureRandom random, int txPowerDbm) {
        this.storage = Objects.requireNonNull(storage);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.generator = new TekGenerator(random, clock);
        this.metadata = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, txPowerDbm);
    }

    /**
     * The advertisement for now; a new one (new RPI, new address) when the interval changed since the last call,
     * and a new daily key first when the current one no longer covers now.
     *
     * @return the advertisement, and whether it changed
     */
    public synchronized Rotation refresh() {
        long now = EnIntervalNumber.of(clock.instant());
        boolean newKey = false;
        if (key == null || !covers(key, now)) {
            Optional<TemporaryExposureKey> stored = storage.latestKey().filter(k -> covers(k, now));
            if (stored.isPresent()) {
                key = stored.get();
            } else {
                key = generator.forInterval(EnIntervalNumber.dayStart(now));
                storage.saveKey(key);
                newKey = true;
            }
            keys = TekKeys.derive(key);
            interval = -1;
        }
        if (now != interval) {
            AdvertisementPayload p = keys.payloads(now, 1, metadata).get(0);
            current = new Advertisement(BluetoothAddress.randomNonResolvable(random), p.rpi().bytes(),
                    p.aem().bytes());
            interval = now;
            return new Rotation(current, true, newKey);
        }
        return new Rotation(current, false, false);
    }

    /**
     * After the keys were uploaded: ends the current key with the current interval (so that what was broadcast
     * so far is covered) and starts a fresh random key from now to the end of the UTC day, so that nothing
     * broadcast from now on can be linked to the published keys.
     *
     * @return the shortened key as stored
     */
    public synchronized TemporaryExposureKey startFreshKey() {
        long now = EnIntervalNumber.of(clock.instant());
        refresh();
        TemporaryExposureKey old = key;
        int period = (int) Math.min(old.rollingPeriod(), now - old.rollingStartIntervalNumber() + 1);
        TemporaryExposureKey shortened = new TemporaryExposureKey(old.keyData(), old.rollingStartIntervalNumber(),
                period, 0, ReportType.UNKNOWN, null);
        storage.saveKey(shortened);
        byte[] fresh = new byte[TemporaryExposureKey.KEY_LENGTH];
        random.nextBytes(fresh);
        long dayEnd = EnIntervalNumber.dayStart(now) + EnIntervalNumber.TEK_ROLLING_PERIOD;
        key = new TemporaryExposureKey(fresh, (int) now, (int) (dayEnd - now), 0, ReportType.UNKNOWN, null);
        storage.saveKey(key);
        keys = TekKeys.derive(key);
        interval = -1;
        return shortened;
    }

    /** Key data of the key now on air, or null before the first {@link #refresh}. */
    public synchronized byte[] currentKeyData() {
        return key == null ? null : key.keyData();
    }

    public synchronized Advertisement current() {
        return current;
    }

    private static boolean covers(TemporaryExposureKey k, long interval) {
        return interval >= k.rollingStartIntervalNumber() && interval < k.rollingEndIntervalNumber();
    }

    /** Result of {@link #refresh}. */
    public record Rotation(Advertisement advertisement, boolean changed, boolean newDailyKey) {
    }
}
