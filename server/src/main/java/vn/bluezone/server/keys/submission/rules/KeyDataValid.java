package vn.bluezone.server.keys.submission.rules;

import java.util.Base64;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.protocol.TemporaryExposureKey;

/** {@code INVALID_KEY}: the key is present and base64 of exactly 16 bytes. */
public final class KeyDataValid implements KeyRule {
    @Override
    public ErrorCode check(UploadedKey key) {
        return key.key() == null || key.data() == null ? ErrorCode.INVALID_KEY : null;
    }

    /** The key's bytes, or null when it is not base64 of 16 bytes (longer text is not even decoded). */
    static byte[] decode(String b64) {
        if (b64 == null || b64.length() > 64) {
            return null;
        }
        try {
            byte[] d = Base64.getDecoder().decode(b64);
            return d.length == TemporaryExposureKey.KEY_LENGTH ? d : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
