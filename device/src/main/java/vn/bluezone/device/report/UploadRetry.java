package vn.bluezone.device.report;

import java.util.function.LongConsumer;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SubmissionResult;

/**
 * Sends an upload, and resends the very same one (same certificate, keys, HMAC key and padding) when no answer
 * came: the connection broke (status 0), the server timed out or was unavailable (408, 429, 5xx). Safe because
 * the server answers a repeated upload with the stored answer (issue 15 §5); before that, a phone whose upload
 * was stored but not acknowledged got CERTIFICATE_USED on retry and believed it had failed. Refusals (other 4xx)
 * are final and not retried.
 */
final class UploadRetry {
    /** Waits before the 2nd and 3rd attempts. */
    static final long[] WAITS_MILLIS = {2_000, 8_000};

    private UploadRetry() {
    }

    static SubmissionResult submit(KeyServerClient server, DiagnosisKeyUpload upload, LongConsumer sleep)
            throws KeyServerException {
        for (int attempt = 0; ; attempt++) {
            try {
                return server.submit(upload);
            } catch (KeyServerException e) {
                if (!retryable(e) || attempt >= WAITS_MILLIS.length) {
                    throw e;
                }
                sleep.accept(WAITS_MILLIS[attempt]);
            }
        }
    }

    static boolean retryable(KeyServerException e) {
        int s = e.status();
        return s == 0 || s == 408 || s == 429 || s >= 500;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
