package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

class TransmissionRiskValidTest {
    private final TransmissionRiskValid rule = new TransmissionRiskValid();

    @Test
    void riskIsAbsentOrZeroToEight() {
        assertThat(rule.check(RuleKeys.key(1, 100, 144, null))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 100, 144, 0))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 100, 144, 8))).isNull();
        assertThat(rule.check(RuleKeys.key(1, 100, 144, 9))).isEqualTo(ErrorCode.INVALID_TRANSMISSION_RISK);
        assertThat(rule.check(RuleKeys.key(1, 100, 144, -1))).isEqualTo(ErrorCode.INVALID_TRANSMISSION_RISK);
    }
}
