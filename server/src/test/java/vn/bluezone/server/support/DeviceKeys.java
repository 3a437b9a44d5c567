package vn.bluezone.server.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.protocol.EnIntervalNumber;

/** What a phone does before uploading: daily keys for the last days and their HMAC under a random key. */
public final class DeviceKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceKeys() {
    }

    /** One key as uploaded. */
    public record Key(String key, int rollingStartIntervalNumber, int rollingPeriod, int transmissionRisk) {
        public Map<String, Object> json() {
            return Map.of("key", key, "rollingStartIntervalNumber", rollingStartIntervalNumber,
                    "rollingPeriod", rollingPeriod, "transmissionRisk", transmissionRisk);
        }
    }

    /** {@code days} daily keys ending with yesterday's (all complete), oldest first. */
    public static List<Key> dailyKeys(Instant now, int days) {
        long today = EnIntervalNumber.dayStart(EnIntervalNumber.of(now));
        List<Key> keys = new ArrayList<>();
        for (int d = days; d >= 1; d--) {
            keys.add(new Key(randomKey(), (int) (today - d * 144L), 144, 3));
        }
        return keys;
    }

    public static String randomKey() {
        byte[] k = new byte[16];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    public static byte[] hmacKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    public static String hmac(byte[] hmacKey, List<Key> keys) {
        return KeyHmac.computeBase64(hmacKey, keys.stream().map(k -> new DiagnosisKey(k.key(),
                k.rollingStartIntervalNumber(), k.rollingPeriod(), k.transmissionRisk())).toList());
    }

    public static List<Map<String, Object>> json(List<Key> keys) {
        return keys.stream().map(Key::json).toList();
    }
}
