package vn.bluezone.server.keys.submission;

import vn.bluezone.api.ErrorCode;

/**
 * The per-key answer of an upload as kept with its certificate ({@code issued_certificate.upload_result}), so that
 * a retry gets the same answer: one field per key in order, empty for ACCEPTED, else the rejection code.
 */
final class UploadResult {
    private UploadResult() {
    }

    static String encode(ErrorCode[] reasons) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < reasons.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (reasons[i] != null) {
                sb.append(reasons[i].name());
            }
        }
        return sb.toString();
    }

    /** The reasons (null = accepted), or null when the kept answer is for another number of keys or unreadable. */
    static ErrorCode[] decode(String kept, int keys) {
        String[] parts = kept.split(",", -1);
        if (parts.length != keys) {
            return null;
        }
        ErrorCode[] reasons = new ErrorCode[keys];
        for (int i = 0; i < keys; i++) {
            if (!parts[i].isEmpty()) {
                reasons[i] = ErrorCode.find(parts[i]).orElse(null);
                if (reasons[i] == null) {
                    return null;
                }
            }
        }
        return reasons;
    }
}
