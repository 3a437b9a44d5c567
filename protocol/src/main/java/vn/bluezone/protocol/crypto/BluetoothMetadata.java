package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

import java.util.Arrays;

/**
 * The 4 bytes of metadata a phone encrypts into its AEM (EN Bluetooth and cryptography specifications):
 * byte 0 is the version (bits 7-6 major, bits 5-4 minor, bits 3-0 reserved: 0x40 = 1.0, 0x50 = 1.1),
 * byte 1 the transmit power level in signed dBm, bytes 2-3 reserved for future use (kept as received).
 */
public final class BluetoothMetadata {
    public static final int LENGTH = 4;
    public static final int VERSION_1_0 = 0x40;
    public static final int VERSION_1_1 = 0x50;

    private final byte[] value;

    private BluetoothMetadata(byte[] value) {
        this.value = value;
    }

    /** Any 4 bytes: a receiver must accept versions and reserved bits it does not know. */
    public static BluetoothMetadata of(byte[] value) {
        return new BluetoothMetadata(Bytes.copyOfLength(value, LENGTH, "metadata"));
    }

    public static BluetoothMetadata ofHex(String hex) {
        return new BluetoothMetadata(Bytes.parseHex(hex, LENGTH, "metadata"));
    }

    /** Metadata of a given version (e.g. {@link #VERSION_1_0}) and transmit power, reserved bytes zero. */
    public static BluetoothMetadata of(int versionByte, int txPowerDbm) {
        if (versionByte < 0 || versionByte > 0xFF) {
            throw new IllegalArgumentException("version byte must be 0x00..0xff, was " + versionByte);
        }
        if (txPowerDbm < Byte.MIN_VALUE || txPowerDbm > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("transmit power must be -128..127 dBm, was " + txPowerDbm);
        }
        return new BluetoothMetadata(new byte[] {(byte) versionByte, (byte) txPowerDbm, 0, 0});
    }

    /** Builds the version byte from its major and minor numbers (each 0..3). */
    public static int versionByte(int major, int minor) {
        if (major < 0 || major > 3 || minor < 0 || minor > 3) {
            throw new IllegalArgumentException("version major and minor must each be 0..3");
        }
        return (major << 6) | (minor << 4);
    }

    public int versionMajor() {
        return (value[0] >> 6) & 0x3;
    }

    public int versionMinor() {
        return (value[0] >> 4) & 0x3;
    }

    /** Transmit power level in dBm, signed: the sender's radiated power used for attenuation. */
    public int txPowerDbm() {
        return value[1];
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String hex() {
        return Hex.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BluetoothMetadata m && Arrays.equals(value, m.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "BluetoothMetadata[v" + versionMajor() + "." + versionMinor() + " tx=" + txPowerDbm() + "dBm " + hex() + "]";
    }
}
