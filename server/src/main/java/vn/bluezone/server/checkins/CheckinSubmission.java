package vn.bluezone.server.checkins;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.bluezone.protocol.checkin.CheckinHmac;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.server.web.ApiException;

/**
 * The check-in part of a case's upload, kept apart from the key code: the HMAC text the certificate binds,
 * per-item validation and the rows stored in the upload's transaction.
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
    public record Checked(List<ProtectedReport> accepted, String[] reasons) {
        public static final Checked NONE = new Checked(List.of(), new String[0]);

        public boolean isEmpty() {
            return reasons.length == 0;
        }
    }

    /** Appended to the keys' HMAC message; empty without check-ins (key-only uploads are unchanged). */
    public static String hmacSuffix(List<CheckinApi.CheckinJson> checkins) {
        if (checkins == null || checkins.isEmpty()) {
            return "";
        }
        List<CheckinHmac.Entry> entries = new ArrayList<>(checkins.size());
        for (CheckinApi.CheckinJson c : checkins) {
            entries.add(c == null ? null : new CheckinHmac.Entry(c.locationIdHash(), c.iv(), c.encryptedRecord(), c.mac()));
        }
        return CheckinHmac.suffix(entries);
    }

    /** Request-level check (400 {@code TOO_MANY_CHECKINS}), then each item. */
    public Checked check(List<CheckinApi.CheckinJson> checkins) {
        if (checkins == null || checkins.isEmpty()) {
            return Checked.NONE;
        }
        if (checkins.size() > props.maxPerUpload()) {
            throw ApiException.badRequest("TOO_MANY_CHECKINS", "at most " + props.maxPerUpload() + " check-ins per upload");
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
