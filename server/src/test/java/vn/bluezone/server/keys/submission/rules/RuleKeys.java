package vn.bluezone.server.keys.submission.rules;

import java.util.Base64;
import java.util.List;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;

/** Keys and requests for the rule tests. */
final class RuleKeys {
    static final String HMAC_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private RuleKeys() {
    }

    static String data(int fill) {
        byte[] d = new byte[16];
        java.util.Arrays.fill(d, (byte) fill);
        return Base64.getEncoder().encodeToString(d);
    }

    static UploadedKey key(int fill, Integer start, Integer period, Integer risk) {
        return UploadedKey.of(0, new DiagnosisKey(data(fill), start, period, risk));
    }

    static UploadedKey key(int fill, int start) {
        return key(fill, start, 144, 4);
    }

    static DiagnosisKeysRequest request(int keys, String certificate, String hmacKey) {
        List<DiagnosisKey> list = keys < 0 ? null
                : java.util.stream.IntStream.range(0, keys).mapToObj(i -> new DiagnosisKey(data(i), 100, 144, 4)).toList();
        return new DiagnosisKeysRequest(list, certificate, hmacKey, null);
    }
}
