package vn.bluezone.protocol.crypto;

import java.util.ArrayList;
import java.util.List;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The two keys derived from one TEK, derived once and reused for every interval of the key's validity.
 */
public record TekKeys(RollingProximityIdentifierKey rpik, AssociatedEncryptedMetadataKey aemk) {

    public static TekKeys derive(TemporaryExposureKey tek) {
        return derive(tek.keyData());
    }

    public static TekKeys derive(byte[] tekKeyData) {
        return new TekKeys(RollingProximityIdentifierKey.derive(tekKeyData),
                AssociatedEncryptedMetadataKey.derive(tekKeyData));
    }

    /** The (RPI, AEM) pairs broadcast for {@code count} intervals from {@code firstInterval}. */
    public List<AdvertisementPayload> payloads(long firstInterval, int count, BluetoothMetadata metadata) {
        List<RollingProximityIdentifier> rpis = rpik.rpis(firstInterval, count);
        List<AdvertisementPayload> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RollingProximityIdentifier rpi = rpis.get(i);
            out.add(new AdvertisementPayload(firstInterval + i, rpi, aemk.encrypt(rpi, metadata)));
        }
        return out;
    }
}
