package vn.bluezone.api.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One encrypted check-in of a case's upload (base64 fields): SHA-256 of the place's location id (32 bytes), IV
 * (16), AES-256-CBC ciphertext of the record (whole blocks, at most 1024 bytes), HMAC-SHA256 (32). Without the
 * place's QR it says neither where nor when (protocol/README.md, "Check-in at public places").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckinReport(
        @JsonProperty("locationIdHash") String locationIdHash,
        @JsonProperty("iv") String iv,
        @JsonProperty("encryptedRecord") String encryptedRecord,
        @JsonProperty("mac") String mac) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public CheckinReport {
    }

    /** The line the certificate's HMAC covers (see {@code KeyHmac#compute(byte[], List, List)}). */
    public String hmacLine() {
        return locationIdHash + "." + iv + "." + encryptedRecord + "." + mac;
    }
}
