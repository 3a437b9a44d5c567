package vn.bluezone.protocol.checkin;

/**
 * One encrypted check-in as uploaded and published: SHA-256(location id), IV, AES-256-CBC ciphertext of a
 * {@link CheckinRecord}, HMAC-SHA256 over IV ‖ ciphertext. Without the QR it says neither where nor when.
 */
public record ProtectedReport(byte[] locationIdHash, byte[] iv, byte[] encryptedRecord, byte[] mac) {
    public static final int HASH_LENGTH = 32;
    public static final int IV_LENGTH = 16;
    public static final int MAC_LENGTH = 32;
    public static final int MAX_ENCRYPTED = 1024;

    public ProtectedReport {
        if (locationIdHash == null || locationIdHash.length != HASH_LENGTH) {
            throw new CheckinFormatException("INVALID_LOCATION_HASH", "locationIdHash must be " + HASH_LENGTH + " bytes");
        }
        if (iv == null || iv.length != IV_LENGTH) {
            throw new CheckinFormatException("INVALID_IV", "iv must be " + IV_LENGTH + " bytes");
        }
        if (encryptedRecord == null || encryptedRecord.length == 0 || encryptedRecord.length % 16 != 0
                || encryptedRecord.length > MAX_ENCRYPTED) {
            throw new CheckinFormatException("INVALID_ENCRYPTED_RECORD",
                    "encryptedRecord must be whole AES blocks, at most " + MAX_ENCRYPTED + " bytes");
        }
        if (mac == null || mac.length != MAC_LENGTH) {
            throw new CheckinFormatException("INVALID_MAC", "mac must be " + MAC_LENGTH + " bytes");
        }
    }
}
