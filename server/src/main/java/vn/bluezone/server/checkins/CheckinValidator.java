package vn.bluezone.server.checkins;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.CheckinReport;
import vn.bluezone.protocol.checkin.ProtectedReport;

/**
 * Checks each uploaded check-in on its own, as keys are: a bad one is refused with a stable reason, the good ones
 * are kept. The server cannot check times or places (they are encrypted), only the shape; phones check the MAC.
 */
final class CheckinValidator {
    /** Accepted reports in upload order, and per item null (accepted) or the reason. */
    record Outcome(List<ProtectedReport> accepted, ErrorCode[] reasons) {
    }

    static Outcome validate(List<CheckinReport> checkins) {
        List<ProtectedReport> accepted = new ArrayList<>();
        ErrorCode[] reasons = new ErrorCode[checkins.size()];
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < checkins.size(); i++) {
            CheckinReport c = checkins.get(i);
            if (c == null) {
                reasons[i] = ErrorCode.INVALID_CHECKIN;
                continue;
            }
            byte[] hash = decode(c.locationIdHash());
            byte[] iv = decode(c.iv());
            byte[] enc = decode(c.encryptedRecord());
            byte[] mac = decode(c.mac());
            if (hash == null || hash.length != ProtectedReport.HASH_LENGTH) {
                reasons[i] = ErrorCode.INVALID_LOCATION_HASH;
            } else if (iv == null || iv.length != ProtectedReport.IV_LENGTH) {
                reasons[i] = ErrorCode.INVALID_IV;
            } else if (enc == null || enc.length == 0 || enc.length % 16 != 0 || enc.length > ProtectedReport.MAX_ENCRYPTED) {
                reasons[i] = ErrorCode.INVALID_ENCRYPTED_RECORD;
            } else if (mac == null || mac.length != ProtectedReport.MAC_LENGTH) {
                reasons[i] = ErrorCode.INVALID_MAC;
            }
            if (reasons[i] != null) {
                continue;
            }
            ProtectedReport r = new ProtectedReport(hash, iv, enc, mac);
            if (!seen.add(ByteBuffer.wrap(r.mac()))) {
                reasons[i] = ErrorCode.DUPLICATE_CHECKIN;
                continue;
            }
            accepted.add(r);
        }
        return new Outcome(accepted, reasons);
    }

    /** The bytes, or null when the field is missing or not base64. */
    private static byte[] decode(String b64) {
        if (b64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
