package vn.bluezone.server.keys.submission.rules;

import java.util.List;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.keys.KeysProperties;

/** The upload rules in the order they are checked (the first broken one answers); listed in this folder's README. */
public final class UploadRules {
    private final List<UploadRule> rules;

    public UploadRules(List<UploadRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static UploadRules standard(KeysProperties.Submission cfg) {
        return new UploadRules(List.of(new KeysPresent(cfg.maxKeys()), new KeyCountLimit(cfg.maxKeys()),
                new CertificatePresent(), new HmacKeyWellFormed()));
    }

    public void check(DiagnosisKeysRequest request) {
        for (UploadRule rule : rules) {
            rule.check(request);
        }
    }

    public List<UploadRule> rules() {
        return rules;
    }
}
