package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

import java.util.Arrays;

/** The 4 bytes of encrypted Bluetooth metadata broadcast beside an RPI (AEM). */
public final class AssociatedEncryptedMetadata {
    public static final int LENGTH = BluetoothMetadata.LENGTH;

    private final byte[] value;

    AssociatedEncryptedMetadata(byte[] value) {
        this.value = value;
    }

    public static AssociatedEncryptedMetadata of(byte[] value) {
        return new AssociatedEncryptedMetadata(Bytes.copyOfLength(value, LENGTH, "AEM"));
    }

    public static AssociatedEncryptedMetadata ofHex(String hex) {
        return new AssociatedEncryptedMetadata(Bytes.parseHex(hex, LENGTH, "AEM"));
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String hex() {
        return Hex.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociatedEncryptedMetadata a && Arrays.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AEM[" + hex() + "]";
    }
}
