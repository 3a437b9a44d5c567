package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class RollingPeriodValidTest {
    private final RollingPeriodValid rule = new RollingPeriodValid();

    @Test
    void periodsFromOneTo144Pass() {
        assertThat(rule.check(RuleKeys.key(1, 100, 1, 4))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 100, 144, 4))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 100, 0, 4))).isEqualTo(ErrorCode.INVALID_ROLLING_PERIOD);
        assertThat(rule.check(RuleKeys.key(1, 100, 145, 4))).isEqualTo(ErrorCode.INVALID_ROLLING_PERIOD);
        assertThat(rule.check(RuleKeys.key(1, 100, null, 4))).isEqualTo(ErrorCode.INVALID_ROLLING_PERIOD);
    }
}
