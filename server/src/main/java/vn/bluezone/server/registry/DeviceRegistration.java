package vn.bluezone.server.registry;

/**
 * Body of POST /api/v1/devices. Everything but platform and appVersion is optional; nothing identifies a person.
 * {@code installationId} is a random UUID the app generates once and keeps: a registration repeated with it returns
 * the same device instead of counting a second install (see {@link DeviceRegistry#registerOnce}).
 */
public record DeviceRegistration(String platform, String appVersion, String model, String communeCode, Long villageId,
                                 String referralCode, String placeCode, String installationId) {

    /** A registration without an installation id (apps that predate it). */
    public DeviceRegistration(String platform, String appVersion, String model, String communeCode, Long villageId,
                              String referralCode, String placeCode) {
        this(platform, appVersion, model, communeCode, villageId, referralCode, placeCode, null);
    }
}
