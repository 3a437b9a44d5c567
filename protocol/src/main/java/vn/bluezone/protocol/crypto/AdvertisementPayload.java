package vn.bluezone.protocol.crypto;

import java.util.Objects;

/**
 * What a phone broadcasts during one 10-minute interval: the RPI and the AEM.
 *
 * @param enIntervalNumber the interval the pair belongs to
 */
public record AdvertisementPayload(long enIntervalNumber, RollingProximityIdentifier rpi,
                                   AssociatedEncryptedMetadata aem) {
    public AdvertisementPayload {
        Objects.requireNonNull(rpi, "rpi");
        Objects.requireNonNull(aem, "aem");
    }
}
