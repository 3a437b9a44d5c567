package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKey;

class KeyDataValidTest {
    private final KeyDataValid rule = new KeyDataValid();

    @Test
    void onlyBase64OfSixteenBytesPasses() {
        assertThat(rule.check(RuleKeys.key(1, 100))).isNull();
        assertThat(rule.check(UploadedKey.of(0, null))).isEqualTo(ErrorCode.INVALID_KEY);
        assertThat(rule.check(UploadedKey.of(0, new DiagnosisKey(null, 1, 1, 1)))).isEqualTo(ErrorCode.INVALID_KEY);
        assertThat(rule.check(UploadedKey.of(0, new DiagnosisKey("AAAA", 1, 1, 1)))).isEqualTo(ErrorCode.INVALID_KEY);
        assertThat(rule.check(UploadedKey.of(0, new DiagnosisKey("not base64!", 1, 1, 1)))).isEqualTo(ErrorCode.INVALID_KEY);
        assertThat(rule.check(UploadedKey.of(0, new DiagnosisKey("A".repeat(68), 1, 1, 1)))).isEqualTo(ErrorCode.INVALID_KEY);
    }
}
