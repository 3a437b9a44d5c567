package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class NotInFutureTest {
    @Test
    void aKeyStartingAfterTheCurrentIntervalIsRefused() {
        NotInFuture rule = new NotInFuture(1000);
        assertThat(rule.check(RuleKeys.key(1, 1000))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 1001))).isEqualTo(ErrorCode.ROLLING_START_IN_FUTURE);
    }
}
