package vn.bluezone.protocol.checkin;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import vn.bluezone.protocol.checkin.proto.CheckinProto;

/**
 * A place's check-in QR payload. {@link #bytes()} are the exact bytes the location id is computed over: a parsed
 * payload keeps the bytes it was read from, so a phone never depends on re-encoding being identical.
 */
public final class PlacePayload {
    public static final int VERSION = 1;
    public static final int SEED_LENGTH = 16;
    public static final int MAX_BYTES = 1024;
    public static final int MAX_TEXT = 200;
    public static final int MAX_STAY_MINUTES = 24 * 60;

    private final String description;
    private final String address;
    private final long startSeconds;
    private final long endSeconds;
    private final int defaultStayMinutes;
    private final byte[] seed;
    private final byte[] bytes;

    private PlacePayload(String description, String address, long startSeconds, long endSeconds,
                         int defaultStayMinutes, byte[] seed, byte[] bytes) {
        this.description = description;
        this.address = address;
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
        this.defaultStayMinutes = defaultStayMinutes;
        this.seed = seed;
        this.bytes = bytes;
    }

    /** A new payload with a fresh random seed (a permanent place when start and end are 0). */
    public static PlacePayload create(String description, String address, long startSeconds, long endSeconds,
                                      int defaultStayMinutes, SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return of(description, address, startSeconds, endSeconds, defaultStayMinutes, seed);
    }

    public static PlacePayload of(String description, String address, long startSeconds, long endSeconds,
                                  int defaultStayMinutes, byte[] seed) {
        String d = nfc(description);
        String a = nfc(address);
        check(d, a, startSeconds, endSeconds, defaultStayMinutes, seed);
        byte[] bytes = CheckinProto.PlacePayload.newBuilder().setVersion(VERSION).setDescription(d).setAddress(a)
                .setStartTimestamp(startSeconds).setEndTimestamp(endSeconds).setDefaultStayMinutes(defaultStayMinutes)
                .setSeed(ByteString.copyFrom(seed)).build().toByteArray();
        return new PlacePayload(d, a, startSeconds, endSeconds, defaultStayMinutes, seed.clone(), bytes);
    }

    /** Reads a payload as found in a QR; every field is checked. */
    public static PlacePayload parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new CheckinFormatException("BAD_PAYLOAD", "a check-in payload has 1 to " + MAX_BYTES + " bytes");
        }
        CheckinProto.PlacePayload p;
        try {
            p = CheckinProto.PlacePayload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_PAYLOAD", "the check-in payload is not readable");
        }
        if (p.getVersion() != VERSION) {
            throw new CheckinFormatException("UNSUPPORTED_VERSION", "check-in payload version " + p.getVersion()
                    + " is not supported (expected " + VERSION + ")");
        }
        if (p.getDefaultStayMinutes() > MAX_STAY_MINUTES) {
            throw new CheckinFormatException("BAD_PAYLOAD", "default stay must be 1.." + MAX_STAY_MINUTES + " minutes");
        }
        check(p.getDescription(), p.getAddress(), p.getStartTimestamp(), p.getEndTimestamp(),
                p.getDefaultStayMinutes(), p.getSeed().toByteArray());
        return new PlacePayload(p.getDescription(), p.getAddress(), p.getStartTimestamp(), p.getEndTimestamp(),
                p.getDefaultStayMinutes(), p.getSeed().toByteArray(), bytes.clone());
    }

    private static void check(String description, String address, long start, long end, int stay, byte[] seed) {
        if (description.isBlank() || description.length() > MAX_TEXT || address.length() > MAX_TEXT) {
            throw new CheckinFormatException("BAD_PAYLOAD", "description (1.." + MAX_TEXT + ") and address (0.."
                    + MAX_TEXT + " characters) are required");
        }
        if (start < 0 || end < 0 || (end != 0 && end < start)) {
            throw new CheckinFormatException("BAD_PAYLOAD", "an event's end must not be before its start");
        }
        if (stay < 1 || stay > MAX_STAY_MINUTES) {
            throw new CheckinFormatException("BAD_PAYLOAD", "default stay must be 1.." + MAX_STAY_MINUTES + " minutes");
        }
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new CheckinFormatException("BAD_PAYLOAD", "the seed must be " + SEED_LENGTH + " bytes");
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(Objects.requireNonNullElse(s, "").strip(), Normalizer.Form.NFC);
    }

    public String description() {
        return description;
    }

    public String address() {
        return address;
    }

    public long startSeconds() {
        return startSeconds;
    }

    public long endSeconds() {
        return endSeconds;
    }

    public int defaultStayMinutes() {
        return defaultStayMinutes;
    }

    public byte[] seed() {
        return seed.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public LocationId locationId() {
        return LocationId.of(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlacePayload p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PlacePayload[" + description + "]";
    }
}
