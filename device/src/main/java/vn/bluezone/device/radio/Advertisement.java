package vn.bluezone.device.radio;

import java.util.Arrays;
import vn.bluezone.protocol.Hex;
import java.util.Objects;

/**
 * One Exposure Notification beacon as it goes on air: a (simulated) Bluetooth address and the service data of
 * the 16-bit service UUID 0xFD6F, which is RPI (16 bytes) followed by the encrypted metadata AEM (4 bytes)
 * (Exposure Notification Bluetooth specification v1.2).
 */
public record Advertisement(BluetoothAddress address, byte[] rpi, byte[] aem) {
    /** 16-bit service UUID assigned to Exposure Notification. */
    public static final int SERVICE_UUID = 0xFD6F;
    public static final int RPI_LENGTH = 16;
    public static final int AEM_LENGTH = 4;
    public static final int SERVICE_DATA_LENGTH = RPI_LENGTH + AEM_LENGTH;

    public Advertisement {
        Objects.requireNonNull(address, "address");
        if (rpi == null || rpi.length != RPI_LENGTH) {
            throw new IllegalArgumentException("RPI must be 16 bytes");
        }
        if (aem == null || aem.length != AEM_LENGTH) {
            throw new IllegalArgumentException("AEM must be 4 bytes");
        }
        rpi = rpi.clone();
        aem = aem.clone();
    }

    /** The service data for UUID 0xFD6F: RPI ‖ AEM. */
    public byte[] serviceData() {
        byte[] data = new byte[SERVICE_DATA_LENGTH];
        System.arraycopy(rpi, 0, data, 0, RPI_LENGTH);
        System.arraycopy(aem, 0, data, RPI_LENGTH, AEM_LENGTH);
        return data;
    }

    /** Reads a received packet's service data; anything but service 0xFD6F with 20 bytes of data is refused. */
    public static Advertisement fromServiceData(BluetoothAddress address, int serviceUuid16, byte[] data) {
        if (serviceUuid16 != SERVICE_UUID) {
            throw new IllegalArgumentException(String.format("not an Exposure Notification service UUID: 0x%04X", serviceUuid16));
        }
        if (data == null || data.length != SERVICE_DATA_LENGTH) {
            throw new IllegalArgumentException("service data must be 20 bytes (RPI 16 + AEM 4), was "
                    + (data == null ? "none" : data.length));
        }
        return new Advertisement(address, Arrays.copyOfRange(data, 0, RPI_LENGTH),
                Arrays.copyOfRange(data, RPI_LENGTH, SERVICE_DATA_LENGTH));
    }

    @Override
    public byte[] rpi() {
        return rpi.clone();
    }

    @Override
    public byte[] aem() {
        return aem.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Advertisement a && address.equals(a.address)
                && Arrays.equals(rpi, a.rpi) && Arrays.equals(aem, a.aem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, Arrays.hashCode(rpi), Arrays.hashCode(aem));
    }

    @Override
    public String toString() {
        return "Advertisement[" + address + " rpi=" + Hex.format(rpi) + " aem="
                + Hex.format(aem) + "]";
    }
}
