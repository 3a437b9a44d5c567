package vn.bluezone.android.ble;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import android.bluetooth.BluetoothAdapter;
import android.bluetooth.BluetoothManager;
import android.bluetooth.le.AdvertiseData;
import android.bluetooth.le.ScanCallback;
import android.bluetooth.le.ScanSettings;
import android.os.Handler;
import android.os.Looper;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadow.api.Shadow;
import org.robolectric.shadows.ShadowBluetoothLeAdvertiser;
import org.robolectric.shadows.ShadowBluetoothLeScanner;

import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.BluetoothAddress;
import vn.bluezone.device.radio.ReceivedPacket;

/** The BLE adapters against Android's BLE classes: the exact bytes on air, and a scan result back to the engine. */
@RunWith(RobolectricTestRunner.class)
public class BleAdaptersTest {
    private static final HexFormat HEX = HexFormat.of();
    private BluetoothAdapter adapter;
    private final RadioStatus status = new RadioStatus();

    @Before
    public void bluetoothOn() {
        adapter = RuntimeEnvironment.getApplication().getSystemService(BluetoothManager.class).getAdapter();
        shadowOf(adapter).setEnabled(true);
    }

    private static Advertisement beacon() {
        return new Advertisement(BluetoothAddress.of(new byte[] {0x31, 1, 2, 3, 4, 5}),
                HEX.parseHex("8be6cd371c5c891604bfbe49df845096"), HEX.parseHex("72033874"));
    }

    @Test
    public void theAdvertisementCarriesServiceFd6fWithRpiThenAemAndNothingElse() {
        AdvertiseData data = ServiceData.advertiseData(beacon());
        assertEquals(List.of(ServiceData.EXPOSURE_NOTIFICATION), data.getServiceUuids());
        assertEquals("0000fd6f-0000-1000-8000-00805f9b34fb", ServiceData.EXPOSURE_NOTIFICATION.toString());
        assertFalse(data.getIncludeDeviceName());
        assertFalse(data.getIncludeTxPowerLevel());
        assertTrue(data.getManufacturerSpecificData().size() == 0);
        // On air: flags, complete list of 16-bit UUIDs {FD6F}, service data FD6F + RPI (16) + AEM (4).
        assertEquals("020106" + "03036ffd" + "17166ffd" + "8be6cd371c5c891604bfbe49df845096" + "72033874",
                HEX.formatHex(Air.bytes(data)));
        assertFalse("connectable advertising would invite connections",
                ServiceData.advertiseSettings().isConnectable());
    }

    @Test
    public void everyRotationReplacesTheAdvertisementAndBluetoothOffIsReported() {
        BleAdvertiser advertiser = new BleAdvertiser(adapter, status);
        ShadowBluetoothLeAdvertiser shadow = Shadow.extract(adapter.getBluetoothLeAdvertiser());
        advertiser.advertise(beacon());
        advertiser.advertise(beacon());
        assertEquals("the old advertisement stopped, the new one runs", 1, shadow.getAdvertisementRequestCount());
        assertEquals(beacon(), advertiser.current());
        advertiser.stop();
        assertEquals(0, shadow.getAdvertisementRequestCount());
        shadowOf(adapter).setEnabled(false);
        advertiser.advertise(beacon());
        assertEquals(RadioStatus.Problem.BLUETOOTH_OFF, status.problem());
    }

    @Test
    public void aScanResultBecomesTheEnginesPacketAndTheScanEndsAfterItsWindow() {
        BleScanner scanner = new BleScanner(adapter, new Handler(Looper.getMainLooper()), status);
        List<ReceivedPacket> heard = new ArrayList<>();
        boolean[] finished = {false};
        scanner.scan(Duration.ofSeconds(4), new ScanListener() {
            @Override
            public void onPacket(ReceivedPacket packet) {
                heard.add(packet);
            }

            @Override
            public void onScanFinished() {
                finished[0] = true;
            }
        });
        ShadowBluetoothLeScanner shadow = Shadow.extract(adapter.getBluetoothLeScanner());
        assertEquals(1, shadow.getActiveScans().size());
        ShadowBluetoothLeScanner.ScanParams params = shadow.getActiveScans().get(0);
        assertEquals("a service-UUID filter keeps screen-off scanning alive",
                List.of(ServiceData.scanFilter()), params.scanFilters());
        assertEquals(ScanSettings.SCAN_MODE_LOW_LATENCY, params.scanSettings().getScanMode());
        for (ScanCallback cb : shadow.getScanCallbacks()) {
            cb.onScanResult(ScanSettings.CALLBACK_TYPE_ALL_MATCHES,
                    Air.heard(ServiceData.advertiseData(beacon()), "31:01:02:03:04:05", -61));
            // Not an Exposure Notification advertisement: ignored.
            cb.onScanResult(ScanSettings.CALLBACK_TYPE_ALL_MATCHES, Air.heard(new AdvertiseData.Builder().build(),
                    "11:22:33:44:55:66", -40));
        }
        assertEquals(1, heard.size());
        ReceivedPacket p = heard.get(0);
        assertEquals(-61, p.rssi());
        assertEquals(0xFD6F, p.serviceUuid16());
        assertArrayEquals(beacon().serviceData(), p.serviceData());
        assertEquals(beacon().address(), p.address());
        assertFalse(finished[0]);
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(4));
        assertTrue("the window is over", finished[0]);
        assertTrue(shadow.getScanCallbacks().isEmpty());
        assertNull(status.problem());
    }

    @Test
    public void withBluetoothOffTheWindowEndsAtOnceAndSaysWhy() {
        shadowOf(adapter).setEnabled(false);
        boolean[] finished = {false};
        new BleScanner(adapter, new Handler(Looper.getMainLooper()), status).scan(Duration.ofSeconds(4),
                new ScanListener() {
                    @Override
                    public void onPacket(ReceivedPacket packet) {
                    }

                    @Override
                    public void onScanFinished() {
                        finished[0] = true;
                    }
                });
        assertTrue(finished[0]);
        assertEquals(RadioStatus.Problem.BLUETOOTH_OFF, status.problem());
    }
}
