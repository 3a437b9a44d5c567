package vn.bluezone.protocol.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import vn.bluezone.protocol.Hex;
import java.util.List;
import java.util.Objects;

/**
 * A daily key of the 2020 Bluezone app (version 2 and later) and the identifiers it yields.
 * The first day's key is a 32-byte random base key; DK(day+1) = SHA-256(DK(day)) over UTC days.
 * Within a day, SK_0 = SHA-256(DK ‖ ASCII "bluzonesubkey") (the app's spelling), SK_{i+1} = SHA-256(SK_i),
 * one sub-key per 15-minute slot, 96 per day; each slot broadcasts a 12-byte {@link BluezoneId} cut from SK_i.
 *
 * <p>Kept for compatibility only: see protocol/README.md for why new phones use GAEN keys instead.
 */
public final class BluezoneDailyKey {
    public static final int LENGTH = 32;
    public static final int SLOTS_PER_DAY = 96;
    public static final int SLOT_MINUTES = 15;
    private static final byte[] SUBKEY_LABEL = "bluzonesubkey".getBytes(StandardCharsets.US_ASCII);

    private final LocalDate day;
    private final byte[] key;

    private BluezoneDailyKey(LocalDate day, byte[] key) {
        this.day = day;
        this.key = key;
    }

    public static BluezoneDailyKey of(LocalDate day, byte[] key) {
        Objects.requireNonNull(day, "day");
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("a Bluezone daily key must be 32 bytes");
        }
        return new BluezoneDailyKey(day, key.clone());
    }

    public static BluezoneDailyKey ofHex(LocalDate day, String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a Bluezone daily key must be 64 hex digits");
        }
        return of(day, Hex.parse(hex));
    }

    /** A new random base key: the daily key of {@code firstDay}. */
    public static BluezoneDailyKey generateBase(SecureRandom random, LocalDate firstDay) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new BluezoneDailyKey(Objects.requireNonNull(firstDay, "firstDay"), key);
    }

    public LocalDate day() {
        return day;
    }

    public byte[] bytes() {
        return key.clone();
    }

    public String hex() {
        return Hex.format(key);
    }

    /** DK(day+1) = SHA-256(DK(day)). */
    public BluezoneDailyKey next() {
        return new BluezoneDailyKey(day.plusDays(1), Sha256.hash(key));
    }

    /**
     * The key of a later (or the same) day, by walking the hash chain forward. Earlier days cannot be reached:
     * that would need a SHA-256 preimage.
     */
    public BluezoneDailyKey forwardTo(LocalDate target) {
        if (target.isBefore(day)) {
            throw new IllegalArgumentException("the key of " + day + " cannot give an earlier day's key (" + target + ")");
        }
        BluezoneDailyKey k = this;
        for (long n = ChronoUnit.DAYS.between(day, target); n > 0; n--) {
            k = k.next();
        }
        return k;
    }

    /** SK_0 .. SK_{count-1} of this day. */
    public List<byte[]> subKeys(int count) {
        checkCount(count);
        MessageDigest sha = Sha256.newDigest();
        sha.update(key);
        sha.update(SUBKEY_LABEL);
        byte[] sk = sha.digest();
        List<byte[]> out = new ArrayList<>(count);
        out.add(sk);
        for (int i = 1; i < count; i++) {
            sk = sha.digest(sk);
            out.add(sk);
        }
        return out;
    }

    /** ID_0 .. ID_{count-1} of this day (slot i starts at 00:00 UTC + 15·i minutes). */
    public List<BluezoneId> ids(int count) {
        List<BluezoneId> out = new ArrayList<>(count);
        for (byte[] sk : subKeys(count)) {
            out.add(BluezoneId.fromSubKey(sk));
        }
        return out;
    }

    public List<BluezoneId> ids() {
        return ids(SLOTS_PER_DAY);
    }

    /** Start of slot {@code slot} of this key's day. */
    public Instant slotStart(int slot) {
        if (slot < 0 || slot >= SLOTS_PER_DAY) {
            throw new IllegalArgumentException("slot must be 0.." + (SLOTS_PER_DAY - 1) + ", was " + slot);
        }
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus((long) slot * SLOT_MINUTES, ChronoUnit.MINUTES);
    }

    /** The slot (0..95) of the UTC day that contains {@code t}. */
    public static int slotOf(Instant t) {
        return (int) (Math.floorMod(t.getEpochSecond(), 86_400L) / (SLOT_MINUTES * 60));
    }

    private static void checkCount(int count) {
        if (count < 1 || count > SLOTS_PER_DAY) {
            throw new IllegalArgumentException("ID count must be 1.." + SLOTS_PER_DAY + ", was " + count);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BluezoneDailyKey k && day.equals(k.day) && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return 31 * day.hashCode() + Arrays.hashCode(key);
    }

    /** Does not print the key: it reveals this and every later day's IDs. */
    @Override
    public String toString() {
        return "BluezoneDailyKey[" + day + ", redacted]";
    }
}
