package vn.bluezone.device.radio;

/**
 * One advertising packet as a scanner reports it: who sent it (the rotating address), the 16-bit service UUID,
 * its service data and the raw (uncalibrated) RSSI in dBm the receiving phone measured.
 */
public record ReceivedPacket(BluetoothAddress address, int serviceUuid16, byte[] serviceData, int rssi) {
    public ReceivedPacket {
        serviceData = serviceData == null ? new byte[0] : serviceData.clone();
    }

    @Override
    public byte[] serviceData() {
        return serviceData.clone();
    }
}
