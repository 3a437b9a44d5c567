package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.ErrorCode;

/** {@code INVALID_TRANSMISSION_RISK}: the transmission risk, when sent, is 0..8 (absent means 0). */
public final class TransmissionRiskValid implements KeyRule {
    @Override
    public ErrorCode check(UploadedKey key) {
        Integer risk = key.key().transmissionRisk();
        return risk != null && (risk < 0 || risk > ApiLimits.MAX_TRANSMISSION_RISK)
                ? ErrorCode.INVALID_TRANSMISSION_RISK : null;
    }
}
