package vn.bluezone.device.server;

import java.util.List;

/** The server's per-key answer to an upload: how many keys it accepted and why it refused the others. */
public record SubmissionResult(int accepted, List<String> rejectionReasons) {
    public SubmissionResult {
        rejectionReasons = List.copyOf(rejectionReasons);
    }
}
