package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class NoDuplicateKeyTest {
    @Test
    void theSecondCopyOfAKeyIsRefusedWhateverItsOtherFields() {
        NoDuplicateKey rule = new NoDuplicateKey();
        assertThat(rule.check(RuleKeys.key(1, 100))).isNull();
        assertThat(rule.check(RuleKeys.key(2, 100))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 244))).isEqualTo(ErrorCode.DUPLICATE_KEY);
        assertThat(new NoDuplicateKey().check(RuleKeys.key(1, 100))).as("a new upload starts afresh").isNull();
    }
}
