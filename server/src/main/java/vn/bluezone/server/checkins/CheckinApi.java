package vn.bluezone.server.checkins;

/** JSON of check-ins as a case's phone uploads them (inside {@code POST /api/v1/diagnosis-keys}). */
public final class CheckinApi {
    private CheckinApi() {
    }

    /** One encrypted check-in: base64 of SHA-256(location id) (32 bytes), IV (16), ciphertext (blocks), MAC (32). */
    public record CheckinJson(String locationIdHash, String iv, String encryptedRecord, String mac) {
    }
}
