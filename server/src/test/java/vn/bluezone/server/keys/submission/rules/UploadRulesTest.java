package vn.bluezone.server.keys.submission.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/** The request rules, each alone, and their order in {@link UploadRules#standard}. */
class UploadRulesTest {
    static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code.name()));
    }

    @Test
    void keysPresent() {
        new KeysPresent(30).check(RuleKeys.request(1, "c", RuleKeys.HMAC_KEY));
        refused(() -> new KeysPresent(30).check(RuleKeys.request(0, "c", RuleKeys.HMAC_KEY)), ErrorCode.NO_KEYS);
        refused(() -> new KeysPresent(30).check(RuleKeys.request(-1, "c", RuleKeys.HMAC_KEY)), ErrorCode.NO_KEYS);
    }

    @Test
    void keyCountLimit() {
        new KeyCountLimit(3).check(RuleKeys.request(3, "c", RuleKeys.HMAC_KEY));
        refused(() -> new KeyCountLimit(3).check(RuleKeys.request(4, "c", RuleKeys.HMAC_KEY)), ErrorCode.TOO_MANY_KEYS);
    }

    @Test
    void certificatePresent() {
        new CertificatePresent().check(RuleKeys.request(1, "c", RuleKeys.HMAC_KEY));
        refused(() -> new CertificatePresent().check(RuleKeys.request(1, " ", RuleKeys.HMAC_KEY)),
                ErrorCode.MISSING_CERTIFICATE);
        refused(() -> new CertificatePresent().check(RuleKeys.request(1, null, RuleKeys.HMAC_KEY)),
                ErrorCode.MISSING_CERTIFICATE);
    }

    @Test
    void hmacKeyWellFormed() {
        assertThat(HmacKeyWellFormed.decode(RuleKeys.HMAC_KEY)).hasSize(32);
        String fifteen = java.util.Base64.getEncoder().encodeToString(new byte[15]);
        String tooLong = java.util.Base64.getEncoder().encodeToString(new byte[129]);
        for (String bad : new String[] {null, "", "%%%", fifteen, tooLong}) {
            refused(() -> new HmacKeyWellFormed().check(RuleKeys.request(1, "c", bad)), ErrorCode.INVALID_HMAC_KEY);
        }
    }

    @Test
    void theFirstBrokenRuleAnswers() {
        UploadRules rules = new UploadRules(java.util.List.of(new KeysPresent(30), new KeyCountLimit(30),
                new CertificatePresent(), new HmacKeyWellFormed()));
        refused(() -> rules.check(RuleKeys.request(0, null, null)), ErrorCode.NO_KEYS);
        refused(() -> rules.check(RuleKeys.request(31, null, null)), ErrorCode.TOO_MANY_KEYS);
        refused(() -> rules.check(RuleKeys.request(1, null, null)), ErrorCode.MISSING_CERTIFICATE);
        refused(() -> rules.check(RuleKeys.request(1, "c", null)), ErrorCode.INVALID_HMAC_KEY);
        rules.check(RuleKeys.request(1, "c", RuleKeys.HMAC_KEY));
    }
}
