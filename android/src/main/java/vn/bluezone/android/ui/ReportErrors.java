package vn.bluezone.android.ui;

import android.content.Context;

import vn.bluezone.android.R;
import vn.bluezone.device.server.KeyServerException;

/** The user's words for what the key server (or the network) answered to a report. */
final class ReportErrors {
    private ReportErrors() {
    }

    static String message(Context c, Exception failure) {
        if (!(failure instanceof KeyServerException e)) {
            return c.getString(R.string.report_error_server, failure.getClass().getSimpleName());
        }
        String code = e.errorCode() == null ? "" : e.errorCode();
        return switch (code) {
            case "CODE_INVALID", "CODE_NOT_FOUND", "TOKEN_INVALID" -> c.getString(R.string.report_error_invalid);
            case "CODE_USED", "TOKEN_USED" -> c.getString(R.string.report_error_used);
            case "CODE_EXPIRED", "TOKEN_EXPIRED" -> c.getString(R.string.report_error_expired);
            case "network_error", "offline", "interrupted" -> c.getString(R.string.report_error_network);
            default -> c.getString(R.string.report_error_server, code);
        };
    }
}
