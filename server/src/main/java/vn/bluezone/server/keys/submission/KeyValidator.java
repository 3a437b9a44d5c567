package vn.bluezone.server.keys.submission;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.server.keys.KeysProperties;

/**
 * Checks each uploaded key on its own, so that a partly bad upload still stores the good keys. Reasons are
 * stable codes: INVALID_KEY, INVALID_ROLLING_START, INVALID_ROLLING_PERIOD, INVALID_TRANSMISSION_RISK,
 * ROLLING_START_IN_FUTURE, KEY_TOO_OLD, DUPLICATE_KEY, TOO_MANY_KEYS_FOR_INTERVAL.
 */
final class KeyValidator {
    private final KeysProperties.Submission cfg;

    KeyValidator(KeysProperties.Submission cfg) {
        this.cfg = cfg;
    }

    /** A key that passed, with its index in the request. */
    record Valid(int index, byte[] keyData, int rollingStart, int rollingPeriod, int transmissionRisk) {
    }

    /** Accepted keys and the rejection reason per index (null where accepted). */
    record Outcome(List<Valid> accepted, ErrorCode[] reasons) {
    }

    Outcome validate(List<DiagnosisKey> keys, long nowInterval) {
        ErrorCode[] reasons = new ErrorCode[keys.size()];
        List<Valid> accepted = new ArrayList<>();
        Set<ByteBuffer> seen = new HashSet<>();
        Map<Integer, Integer> perStart = new HashMap<>();
        long oldestStart = EnIntervalNumber.dayStart(nowInterval) - (long) cfg.maxKeyAgeDays() * EnIntervalNumber.TEK_ROLLING_PERIOD;
        for (int i = 0; i < keys.size(); i++) {
            DiagnosisKey k = keys.get(i);
            ErrorCode reason;
            byte[] data = decode(k == null ? null : k.key());
            if (k == null || data == null) {
                reason = ErrorCode.INVALID_KEY;
            } else if (k.rollingStartIntervalNumber() == null || k.rollingStartIntervalNumber() < 0) {
                reason = ErrorCode.INVALID_ROLLING_START;
            } else if (k.rollingPeriod() == null || k.rollingPeriod() < 1
                    || k.rollingPeriod() > TemporaryExposureKey.MAX_ROLLING_PERIOD) {
                reason = ErrorCode.INVALID_ROLLING_PERIOD;
            } else if (k.transmissionRisk() != null && (k.transmissionRisk() < 0 || k.transmissionRisk() > ApiLimits.MAX_TRANSMISSION_RISK)) {
                reason = ErrorCode.INVALID_TRANSMISSION_RISK;
            } else if (k.rollingStartIntervalNumber() > nowInterval) {
                reason = ErrorCode.ROLLING_START_IN_FUTURE;
            } else if (k.rollingStartIntervalNumber() < oldestStart) {
                reason = ErrorCode.KEY_TOO_OLD;
            } else if (!seen.add(ByteBuffer.wrap(data))) {
                reason = ErrorCode.DUPLICATE_KEY;
            } else if (perStart.merge(k.rollingStartIntervalNumber(), 1, Integer::sum) > cfg.maxKeysPerStartInterval()) {
                reason = ErrorCode.TOO_MANY_KEYS_FOR_INTERVAL;
            } else {
                reason = null;
                accepted.add(new Valid(i, data, k.rollingStartIntervalNumber(), k.rollingPeriod(),
                        k.transmissionRisk() == null ? 0 : k.transmissionRisk()));
            }
            reasons[i] = reason;
        }
        return new Outcome(accepted, reasons);
    }

    private static byte[] decode(String b64) {
        if (b64 == null || b64.length() > 64) {
            return null;
        }
        try {
            byte[] d = Base64.getDecoder().decode(b64);
            return d.length == TemporaryExposureKey.KEY_LENGTH ? d : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
