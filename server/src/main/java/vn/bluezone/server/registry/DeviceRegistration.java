package vn.bluezone.server.registry;

/** Body of POST /api/v1/devices. Everything but platform and appVersion is optional; nothing identifies a person. */
public record DeviceRegistration(String platform, String appVersion, String model, String communeCode, Long villageId,
                                 String referralCode, String placeCode) {
}
