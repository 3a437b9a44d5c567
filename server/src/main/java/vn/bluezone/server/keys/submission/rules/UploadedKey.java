package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.submission.DiagnosisKey;

/**
 * One key of an upload as the rules see it: its place in the request, the key as sent (null when the phone sent
 * null), and its 16 bytes when {@code key} is base64 of exactly 16 bytes, else null.
 */
public record UploadedKey(int index, DiagnosisKey key, byte[] data) {
    public static UploadedKey of(int index, DiagnosisKey key) {
        return new UploadedKey(index, key, key == null ? null : KeyDataValid.decode(key.key()));
    }
}
