package vn.bluezone.protocol.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import vn.bluezone.protocol.Hex;

/**
 * The secret identity of a place: SHA-256("BLUEZONE-GUID" ‖ payload bytes). Only someone who saw the QR knows
 * it. Reports carry SHA-256(location id) in the clear and are encrypted under SHA-256("BLUEZONE-ENCRYPTION-KEY" ‖
 * location id), authenticated under SHA-256("BLUEZONE-MAC-KEY" ‖ location id): the Corona-Warn-App's
 * derivations ("CWA-GUID", "CWA-ENCRYPTION-KEY", "CWA-MAC-KEY") with our own prefixes, so that our ids never
 * collide with CWA's.
 */
public final class LocationId {
    public static final byte[] GUID_PREFIX = "BLUEZONE-GUID".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] ENCRYPTION_KEY_PREFIX = "BLUEZONE-ENCRYPTION-KEY".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] MAC_KEY_PREFIX = "BLUEZONE-MAC-KEY".getBytes(StandardCharsets.US_ASCII);
    public static final int LENGTH = 32;

    private final byte[] id;

    private LocationId(byte[] id) {
        this.id = id;
    }

    public static LocationId of(byte[] payloadBytes) {
        return new LocationId(sha256(GUID_PREFIX, payloadBytes));
    }

    public static LocationId fromBytes(byte[] id) {
        if (id == null || id.length != LENGTH) {
            throw new IllegalArgumentException("a location id has " + LENGTH + " bytes");
        }
        return new LocationId(id.clone());
    }

    public byte[] bytes() {
        return id.clone();
    }

    /** What an uploaded report shows in the clear. */
    public byte[] hash() {
        return sha256(new byte[0], id);
    }

    public byte[] encryptionKey() {
        return sha256(ENCRYPTION_KEY_PREFIX, id);
    }

    public byte[] macKey() {
        return sha256(MAC_KEY_PREFIX, id);
    }

    static byte[] sha256(byte[] prefix, byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(prefix);
            return md.digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocationId l && MessageDigest.isEqual(id, l.id);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    /** Hex; it is a secret of the place, so only for tests and tools. */
    public String hex() {
        return Hex.format(id);
    }

    @Override
    public String toString() {
        return "LocationId[…]";
    }
}
