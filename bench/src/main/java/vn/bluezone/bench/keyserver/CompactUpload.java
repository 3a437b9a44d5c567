package vn.bluezone.bench.keyserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;

/**
 * One prepared upload, kept small because a 10-minute run holds up to {@link UploadLoad#MAX_UPLOADS} of them:
 * the 14 keys and the phone's HMAC key in one byte array (256 bytes), the certificate as ASCII bytes (~0.6 KB) and
 * the padding's length; about 0.9 KB each, against ~3 KB as a ready JSON body. The padding's characters are a
 * slice of one shared random base64 text (its content means nothing to the server; its size is what a phone's
 * padding hides). {@link #json} writes the contract's {@link DiagnosisKeysRequest} with Jackson just before the
 * upload is sent (outside the timed span).
 *
 * @param secrets      the keys (14 × 16 bytes), then the HMAC key (32 bytes)
 * @param certificate  the certificate JWT (ASCII); empty for an upload the server must refuse early
 * @param firstStart   rolling start interval of the oldest key; key d starts at {@code firstStart + 144 d}
 * @param paddingChars base64 characters of padding (a multiple of 4)
 */
record CompactUpload(byte[] secrets, byte[] certificate, int firstStart, int paddingChars) {
    static final int KEY_BYTES = 16;
    static final int HMAC_KEY_BYTES = 32;
    static final int ROLLING_PERIOD = 144;
    static final int TRANSMISSION_RISK = 3;
    private static final String PADDING_POOL;

    static {
        byte[] pool = new byte[48 * 1024];
        new Random(15).nextBytes(pool);
        PADDING_POOL = Base64.getEncoder().encodeToString(pool);
    }

    /**
     * Fresh random keys for the {@code keys} days before {@code todayStart} (the day's first interval), oldest
     * first, as a phone uploads its last 14 days; padding of 256-1023 random bytes' worth.
     */
    static CompactUpload fresh(Random random, int keys, int todayStart) {
        byte[] s = new byte[keys * KEY_BYTES + HMAC_KEY_BYTES];
        random.nextBytes(s);
        int padBytes = 256 + random.nextInt(768);
        return new CompactUpload(s, new byte[0], todayStart - keys * ROLLING_PERIOD, 4 * ((padBytes + 2) / 3));
    }

    int keyCount() {
        return (secrets.length - HMAC_KEY_BYTES) / KEY_BYTES;
    }

    List<DiagnosisKey> keys() {
        Base64.Encoder b64 = Base64.getEncoder();
        List<DiagnosisKey> keys = new ArrayList<>(keyCount());
        for (int d = 0; d < keyCount(); d++) {
            keys.add(new DiagnosisKey(b64.encodeToString(Arrays.copyOfRange(secrets, d * KEY_BYTES, (d + 1) * KEY_BYTES)),
                    firstStart + d * ROLLING_PERIOD, ROLLING_PERIOD, TRANSMISSION_RISK));
        }
        return keys;
    }

    byte[] hmacKey() {
        return Arrays.copyOfRange(secrets, secrets.length - HMAC_KEY_BYTES, secrets.length);
    }

    /** What the phone sends to {@code /certificate} as {@code ekeyhmac}. */
    String keyHmac() {
        return KeyHmac.computeBase64(hmacKey(), keys());
    }

    CompactUpload withCertificate(String jwt) {
        return new CompactUpload(secrets, jwt.getBytes(StandardCharsets.US_ASCII), firstStart, paddingChars);
    }

    DiagnosisKeysRequest request() {
        // The padding slice starts at a multiple of 4 picked by the keys, so uploads do not all carry the same text.
        int room = (PADDING_POOL.length() - paddingChars) / 4;
        int offset = 4 * Math.floorMod(Arrays.hashCode(secrets), Math.max(1, room));
        return new DiagnosisKeysRequest(keys(), new String(certificate, StandardCharsets.US_ASCII),
                Base64.getEncoder().encodeToString(hmacKey()), PADDING_POOL.substring(offset, offset + paddingChars));
    }

    String json() {
        return UploadLoad.JSON.writeValueAsString(request());
    }
}
