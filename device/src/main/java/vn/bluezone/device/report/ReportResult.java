package vn.bluezone.device.report;

import java.util.List;

/** What happened to an upload: keys sent, keys the server accepted, its reasons for the others. */
public record ReportResult(int sent, int accepted, List<String> rejectionReasons, int checkinsSent,
                           int checkinsAccepted) {
    public ReportResult {
        rejectionReasons = List.copyOf(rejectionReasons);
    }

    public ReportResult(int sent, int accepted, List<String> rejectionReasons) {
        this(sent, accepted, rejectionReasons, 0, 0);
    }
}
