package vn.bluezone.device.server;

import java.util.List;

import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.checkin.ProtectedReport;

/**
 * One upload of a phone's own daily keys, with the certificate that binds their HMAC and the HMAC key, and the
 * encrypted check-ins the user agreed to share (empty: none; the certificate's HMAC covers them too).
 */
public record DiagnosisKeyUpload(List<TemporaryExposureKey> keys, String certificate, String hmacKeyBase64,
                                 String padding, List<ProtectedReport> checkins) {
    public DiagnosisKeyUpload {
        keys = List.copyOf(keys);
        checkins = checkins == null ? List.of() : List.copyOf(checkins);
    }

    public DiagnosisKeyUpload(List<TemporaryExposureKey> keys, String certificate, String hmacKeyBase64, String padding) {
        this(keys, certificate, hmacKeyBase64, padding, List.of());
    }

    /** The check-ins as the wire carries them (base64 fields). */
    public static List<vn.bluezone.api.submission.CheckinReport> checkinReports(List<ProtectedReport> checkins) {
        java.util.Base64.Encoder b = java.util.Base64.getEncoder();
        return checkins.stream().map(c -> new vn.bluezone.api.submission.CheckinReport(b.encodeToString(c.locationIdHash()),
                b.encodeToString(c.iv()), b.encodeToString(c.encryptedRecord()), b.encodeToString(c.mac()))).toList();
    }
}
