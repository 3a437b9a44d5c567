package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;

/**
 * A rule on one uploaded key (as DP-3T's insertion filters): a refused key is answered REJECTED with the rule's code
 * and not stored, the upload's other keys still are. Rules run in the order of {@link KeyRules#standard}; a rule
 * sees a key only if every earlier rule passed it, so the rules that compare keys with each other count only
 * otherwise valid keys. Such rules keep state, so a rule object serves one upload.
 */
public interface KeyRule {
    /** @return null to pass the key on, else the reason it is refused */
    ErrorCode check(UploadedKey key);
}
