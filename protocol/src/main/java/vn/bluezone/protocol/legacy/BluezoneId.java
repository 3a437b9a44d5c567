package vn.bluezone.protocol.legacy;

import java.util.Arrays;
import vn.bluezone.protocol.Hex;

/** The 12-byte identifier the 2020 Bluezone app broadcast for one 15-minute slot. */
public final class BluezoneId {
    public static final int LENGTH = 12;
    /** Which bytes of a 32-byte sub-key make the ID (the 2020 app's choice). */
    private static final int[] PICKED = {0, 4, 8, 12, 16, 18, 20, 22, 24, 26, 28, 30};

    private final byte[] value;

    private BluezoneId(byte[] value) {
        this.value = value;
    }

    public static BluezoneId of(byte[] value) {
        if (value == null || value.length != LENGTH) {
            throw new IllegalArgumentException("a Bluezone ID must be 12 bytes");
        }
        return new BluezoneId(value.clone());
    }

    public static BluezoneId ofHex(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{24}")) {
            throw new IllegalArgumentException("a Bluezone ID must be 24 hex digits");
        }
        return new BluezoneId(Hex.parse(hex));
    }

    /** ID_i = bytes 0,4,8,12,16,18,20,22,24,26,28,30 of SK_i. */
    static BluezoneId fromSubKey(byte[] subKey) {
        byte[] id = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = subKey[PICKED[i]];
        }
        return new BluezoneId(id);
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String hex() {
        return Hex.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BluezoneId b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "BluezoneId[" + hex() + "]";
    }
}
