package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

import java.util.Arrays;

/** A 16-byte Rolling Proximity Identifier, broadcast over Bluetooth for one 10-minute interval. */
public final class RollingProximityIdentifier {
    public static final int LENGTH = 16;

    private final byte[] value;

    RollingProximityIdentifier(byte[] value) {
        this.value = value;
    }

    public static RollingProximityIdentifier of(byte[] value) {
        return new RollingProximityIdentifier(Bytes.copyOfLength(value, LENGTH, "RPI"));
    }

    public static RollingProximityIdentifier ofHex(String hex) {
        return new RollingProximityIdentifier(Bytes.parseHex(hex, LENGTH, "RPI"));
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String hex() {
        return Hex.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RollingProximityIdentifier r && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RPI[" + hex() + "]";
    }
}
