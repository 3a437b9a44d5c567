package vn.bluezone.server.keys.submission.rules;

import java.util.Base64;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.problem.DomainException;

/**
 * {@code INVALID_HMAC_KEY}: the phone's HMAC key is base64 of 16 to 128 bytes (the key under which the certificate's
 * {@code tekmac} was computed; shorter keys would let a guesser forge a match).
 */
public final class HmacKeyWellFormed implements UploadRule {
    @Override
    public void check(DiagnosisKeysRequest request) {
        decode(request.hmacKey());
    }

    /** The key's bytes; @throws DomainException {@code INVALID_HMAC_KEY} as {@link #check} does. */
    public static byte[] decode(String b64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(b64 == null ? "" : b64.trim());
        } catch (IllegalArgumentException e) {
            k = new byte[0];
        }
        if (k.length < ApiLimits.MIN_HMAC_KEY_BYTES || k.length > ApiLimits.MAX_HMAC_KEY_BYTES) {
            throw new DomainException(ErrorCode.INVALID_HMAC_KEY, "hmacKey must be base64 of 16 to 128 random bytes");
        }
        return k;
    }
}
