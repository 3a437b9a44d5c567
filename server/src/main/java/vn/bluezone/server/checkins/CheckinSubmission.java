package vn.bluezone.server.checkins;

import vn.bluezone.api.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.bluezone.api.submission.CheckinReport;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.server.problem.DomainException;

/**
 * The check-in part of a case's upload, kept apart from the key code (the certificate's HMAC over keys and
 * check-ins is {@code vn.bluezone.api.KeyHmac}): per-item validation and the rows stored in the upload's transaction.
 */
@Component
public class CheckinSubmission {
    private final CheckinsProperties props;
    private final CheckinStore store;

    public CheckinSubmission(CheckinsProperties props, CheckinStore store) {
        this.props = props;
        this.store = store;
    }

    /** Validated check-ins of one upload: what to store, and the per-item results for the answer. */
    public record Checked(List<ProtectedReport> accepted, ErrorCode[] reasons) {
        public static final Checked NONE = new Checked(List.of(), new ErrorCode[0]);

        public boolean isEmpty() {
            return reasons.length == 0;
        }
    }

    /** Request-level check (400 {@code TOO_MANY_CHECKINS}), then each item. */
    public Checked check(List<CheckinReport> checkins) {
        if (checkins == null || checkins.isEmpty()) {
            return Checked.NONE;
        }
        if (checkins.size() > props.maxPerUpload()) {
            throw new DomainException(ErrorCode.TOO_MANY_CHECKINS, "at most " + props.maxPerUpload() + " check-ins per upload");
        }
        CheckinValidator.Outcome o = CheckinValidator.validate(checkins);
        return new Checked(o.accepted(), o.reasons());
    }

    /** Rows to store for an accepted upload; the region is the certificate's (VN when it names none). */
    public List<CheckinReportRow> rows(Checked checked, String region, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        String r = region == null || region.isBlank() ? "VN" : region;
        return checked.accepted().stream().map(p -> new CheckinReportRow(p, r, hour)).toList();
    }

    /** Stores in the caller's transaction. */
    public void store(List<CheckinReportRow> rows) {
        store.insert(rows);
    }

    public int maxPerUpload() {
        return props.maxPerUpload();
    }
}
