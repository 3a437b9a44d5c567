package vn.bluezone.server.keys.submission.rules;

import java.util.ArrayList;
import java.util.List;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.server.keys.KeysProperties;

/**
 * The per-key rules of one upload, in order (listed in this folder's README): each key gets the first rule's
 * reason that refuses it, or is accepted. Build one per upload ({@link #standard}): some rules keep state.
 */
public final class KeyRules {
    /** A key every rule passed, with its index in the request. */
    public record Valid(int index, byte[] keyData, int rollingStart, int rollingPeriod, int transmissionRisk) {
    }

    /** Accepted keys and the rejection reason per index (null where accepted). */
    public record Outcome(List<Valid> accepted, ErrorCode[] reasons) {
    }

    private final List<KeyRule> rules;

    public KeyRules(List<KeyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules for an upload received in EN interval {@code nowInterval}. */
    public static KeyRules standard(KeysProperties.Submission cfg, long nowInterval) {
        return new KeyRules(List.of(new KeyDataValid(), new RollingStartValid(), new RollingPeriodValid(),
                new TransmissionRiskValid(), new NotInFuture(nowInterval), new NotTooOld(nowInterval, cfg.maxKeyAgeDays()),
                new NoDuplicateKey(), new PerIntervalLimit(cfg.maxKeysPerStartInterval())));
    }

    public Outcome validate(List<DiagnosisKey> keys) {
        ErrorCode[] reasons = new ErrorCode[keys.size()];
        List<Valid> accepted = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            UploadedKey k = UploadedKey.of(i, keys.get(i));
            reasons[i] = firstRefusal(k);
            if (reasons[i] == null) {
                DiagnosisKey d = k.key();
                accepted.add(new Valid(i, k.data(), d.rollingStartIntervalNumber(), d.rollingPeriod(),
                        d.transmissionRisk() == null ? 0 : d.transmissionRisk()));
            }
        }
        return new Outcome(accepted, reasons);
    }

    private ErrorCode firstRefusal(UploadedKey key) {
        for (KeyRule rule : rules) {
            ErrorCode reason = rule.check(key);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
