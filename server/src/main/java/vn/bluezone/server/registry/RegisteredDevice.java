package vn.bluezone.server.registry;

/**
 * Answer to a registration. The secret is shown once and stored only hashed; installCode is the short code the user
 * shows an official; referralCode is what the user shares with friends.
 */
public record RegisteredDevice(String deviceId, String deviceSecret, String installCode, String referralCode) {
}
