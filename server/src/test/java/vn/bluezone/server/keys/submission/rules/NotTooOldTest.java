package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class NotTooOldTest {
    @Test
    void keysFromTheStartOfTodayMinus14DaysPass() {
        long now = 20_000L * 144 + 70; // mid-day of epoch day 20000
        NotTooOld rule = new NotTooOld(now, 14);
        int oldest = (20_000 - 14) * 144;
        assertThat(rule.check(RuleKeys.key(1, oldest))).isNull();
        assertThat(rule.check(RuleKeys.key(1, oldest - 1))).isEqualTo(ErrorCode.KEY_TOO_OLD);
    }
}
