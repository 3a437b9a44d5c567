package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.server.keys.KeysProperties;

/** The per-key chain: each key gets the first refusing rule's reason; rules comparing keys count valid keys only. */
class KeyRulesTest {
    static final long NOW = 20_000L * 144 + 70;
    static final int TODAY = 20_000 * 144;

    @Test
    void eachKeyGetsTheFirstReasonAndTheGoodKeysAreAccepted() {
        KeysProperties.Submission cfg = new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("bluezone.keys", KeysProperties.class).submission();
        List<DiagnosisKey> keys = new ArrayList<>();
        keys.add(new DiagnosisKey(RuleKeys.data(1), TODAY, 144, 4));      // 0 accepted
        keys.add(new DiagnosisKey("short", -1, 0, 99));                   // 1 INVALID_KEY comes first
        keys.add(new DiagnosisKey(RuleKeys.data(2), -1, 0, 99));          // 2 INVALID_ROLLING_START before the period
        keys.add(new DiagnosisKey(RuleKeys.data(1), TODAY + 999, 144, 4)); // 3 in the future, before the duplicate
        keys.add(new DiagnosisKey(RuleKeys.data(1), TODAY - 144, 144, 4)); // 4 DUPLICATE_KEY of 0
        keys.add(new DiagnosisKey(RuleKeys.data(3), TODAY, 144, null));   // 5 accepted, risk 0
        keys.add(new DiagnosisKey(RuleKeys.data(4), TODAY, 144, 4));      // 6 third at TODAY: accepted
        keys.add(new DiagnosisKey(RuleKeys.data(5), TODAY, 144, 4));      // 7 fourth: refused
        keys.add(null);                                                    // 8 INVALID_KEY
        KeyRules.Outcome outcome = KeyRules.standard(cfg, NOW).validate(keys);
        assertThat(outcome.reasons()).containsExactly(null, ErrorCode.INVALID_KEY, ErrorCode.INVALID_ROLLING_START,
                ErrorCode.ROLLING_START_IN_FUTURE, ErrorCode.DUPLICATE_KEY, null, null,
                ErrorCode.TOO_MANY_KEYS_FOR_INTERVAL, ErrorCode.INVALID_KEY);
        assertThat(outcome.accepted()).extracting(KeyRules.Valid::index).containsExactly(0, 5, 6);
        assertThat(outcome.accepted().get(1).transmissionRisk()).isZero();
    }
}
