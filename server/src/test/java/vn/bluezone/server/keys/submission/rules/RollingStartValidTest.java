package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class RollingStartValidTest {
    private final RollingStartValid rule = new RollingStartValid();

    @Test
    void aMissingOrNegativeStartIsRefused() {
        assertThat(rule.check(RuleKeys.key(1, 0))).isNull();
        assertThat(rule.check(RuleKeys.key(1, null, 144, 4))).isEqualTo(ErrorCode.INVALID_ROLLING_START);
        assertThat(rule.check(RuleKeys.key(1, -1, 144, 4))).isEqualTo(ErrorCode.INVALID_ROLLING_START);
    }
}
