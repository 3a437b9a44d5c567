package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class PerIntervalLimitTest {
    @Test
    void theFourthKeySharingAStartIsRefused() {
        PerIntervalLimit rule = new PerIntervalLimit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rule.check(RuleKeys.key(i, 100))).isNull();
        }
        assertThat(rule.check(RuleKeys.key(9, 244))).isNull();
        assertThat(rule.check(RuleKeys.key(3, 100))).isEqualTo(ErrorCode.TOO_MANY_KEYS_FOR_INTERVAL);
    }
}
