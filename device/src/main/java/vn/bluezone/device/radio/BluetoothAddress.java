package vn.bluezone.device.radio;

import java.util.Arrays;
import vn.bluezone.protocol.Hex;
import java.util.Random;

/**
 * A 48-bit Bluetooth LE device address. Exposure Notification phones use a non-resolvable private address
 * (the two most significant bits 0b00) that changes together with the RPI, so that the address cannot link
 * two RPIs of the same phone.
 */
public final class BluetoothAddress {
    private final byte[] bytes;

    private BluetoothAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static BluetoothAddress of(byte[] bytes) {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("a Bluetooth address has 6 bytes");
        }
        return new BluetoothAddress(bytes.clone());
    }

    /**
     * A fresh non-resolvable private address (Bluetooth Core spec vol 6 part B 1.3.2.2): random bits with the two
     * top bits cleared, not all zeros and not all ones.
     */
    public static BluetoothAddress randomNonResolvable(Random random) {
        byte[] b = new byte[6];
        do {
            random.nextBytes(b);
            b[0] &= 0x3F;
        } while (allEqual(b, (byte) 0) || isRandomPartAllOnes(b));
        return new BluetoothAddress(b);
    }

    private static boolean allEqual(byte[] b, byte v) {
        for (byte x : b) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRandomPartAllOnes(byte[] b) {
        if ((b[0] & 0x3F) != 0x3F) {
            return false;
        }
        for (int i = 1; i < b.length; i++) {
            if (b[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BluetoothAddress a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        String h = Hex.format(bytes).toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(h, i, i + 2);
        }
        return sb.toString();
    }
}
