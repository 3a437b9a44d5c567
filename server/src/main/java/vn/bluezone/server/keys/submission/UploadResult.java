package vn.bluezone.server.keys.submission;

/**
 * The per-key answer of an upload as kept with its certificate ({@code issued_certificate.upload_result}), so that
 * a retry gets the same answer: one field per key in order, empty for ACCEPTED, else the rejection reason (stable
 * codes such as {@code KEY_TOO_OLD}, which never contain a comma).
 */
final class UploadResult {
    private UploadResult() {
    }

    static String encode(String[] reasons) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < reasons.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (reasons[i] != null) {
                sb.append(reasons[i]);
            }
        }
        return sb.toString();
    }

    /** The reasons (null = accepted), or null when the kept answer is for another number of keys. */
    static String[] decode(String kept, int keys) {
        String[] parts = kept.split(",", -1);
        if (parts.length != keys) {
            return null;
        }
        String[] reasons = new String[keys];
        for (int i = 0; i < keys; i++) {
            reasons[i] = parts[i].isEmpty() ? null : parts[i];
        }
        return reasons;
    }
}
