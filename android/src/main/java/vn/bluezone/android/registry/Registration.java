package vn.bluezone.android.registry;

/** What the server answered to the registration: the device's id and secret, its install and referral codes. */
public record Registration(String deviceId, String deviceSecret, String installCode, String referralCode) {
}
