package vn.bluezone.device.scan;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.ReceivedPacket;
import vn.bluezone.device.store.DeviceStorage.SightingDraft;

/**
 * Gathers the packets of one scan into one sighting per beacon (RPI ‖ AEM): the mean raw RSSI in dB (the
 * "typical" value, as the Exposure Notification framework averages in the dB domain), the strongest RSSI, and
 * the packet count. Packets of other services or with malformed service data are counted and dropped.
 */
public final class ScanCollector implements ScanListener {
    /** Keyed by the 20 bytes themselves (a ByteBuffer compares content): no text form per packet. */
    private final Map<ByteBuffer, Acc> byBeacon = new LinkedHashMap<>();
    private int dropped;
    private boolean finished;

    @Override
    public synchronized void onPacket(ReceivedPacket packet) {
        byte[] data = packet.serviceData();
        if (packet.serviceUuid16() != Advertisement.SERVICE_UUID || data.length != Advertisement.SERVICE_DATA_LENGTH) {
            dropped++;
            return;
        }
        byBeacon.computeIfAbsent(ByteBuffer.wrap(data), k -> new Acc(data)).add(packet.rssi());
    }

    @Override
    public synchronized void onScanFinished() {
        finished = true;
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized int droppedPackets() {
        return dropped;
    }

    public synchronized List<SightingDraft> sightings() {
        List<SightingDraft> out = new ArrayList<>(byBeacon.size());
        for (Acc a : byBeacon.values()) {
            byte[] rpi = new byte[Advertisement.RPI_LENGTH];
            byte[] aem = new byte[Advertisement.AEM_LENGTH];
            System.arraycopy(a.data, 0, rpi, 0, rpi.length);
            System.arraycopy(a.data, rpi.length, aem, 0, aem.length);
            out.add(new SightingDraft(rpi, aem, (int) Math.round(a.sum / (double) a.count), a.max, a.count));
        }
        return out;
    }

    private static final class Acc {
        final byte[] data;
        long sum;
        int count;
        int max = Integer.MIN_VALUE;

        Acc(byte[] data) {
            this.data = data;
        }

        void add(int rssi) {
            sum += rssi;
            count++;
            max = Math.max(max, rssi);
        }
    }
}
