package vn.bluezone.device.server;

import java.util.List;

/**
 * The server's per-key answer to an upload: how many keys it accepted and why it refused the others; how many
 * check-ins it accepted.
 */
public record SubmissionResult(int accepted, List<String> rejectionReasons, int checkinsAccepted) {
    public SubmissionResult {
        rejectionReasons = List.copyOf(rejectionReasons);
    }

    public SubmissionResult(int accepted, List<String> rejectionReasons) {
        this(accepted, rejectionReasons, 0);
    }
}
