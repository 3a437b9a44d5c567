package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.problem.DomainException;

/**
 * A rule on the upload as a whole, checked before any certificate or key is looked at: a broken one refuses the
 * upload (400 with a stable code) and nothing is stored. The order is {@link UploadRules#standard}.
 */
public interface UploadRule {
    /** @throws DomainException (400) naming the rule's code when the request breaks it */
    void check(DiagnosisKeysRequest request);
}
