package vn.bluezone.server.checkins;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.bluezone.protocol.checkin.CheckinFormatException;
import vn.bluezone.protocol.checkin.ProtectedReport;

/**
 * Checks each uploaded check-in on its own, as keys are: a bad one is refused with a stable reason, the good ones
 * are kept. The server cannot check times or places (they are encrypted), only the shape; phones check the MAC.
 */
final class CheckinValidator {
    /** Accepted reports in upload order, and per item null (accepted) or the reason. */
    record Outcome(List<ProtectedReport> accepted, String[] reasons) {
    }

    static Outcome validate(List<CheckinApi.CheckinJson> checkins) {
        List<ProtectedReport> accepted = new ArrayList<>();
        String[] reasons = new String[checkins.size()];
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < checkins.size(); i++) {
            CheckinApi.CheckinJson c = checkins.get(i);
            if (c == null) {
                reasons[i] = "INVALID_CHECKIN";
                continue;
            }
            ProtectedReport r;
            try {
                r = new ProtectedReport(decode(c.locationIdHash(), "INVALID_LOCATION_HASH"), decode(c.iv(), "INVALID_IV"),
                        decode(c.encryptedRecord(), "INVALID_ENCRYPTED_RECORD"), decode(c.mac(), "INVALID_MAC"));
            } catch (CheckinFormatException e) {
                reasons[i] = e.code();
                continue;
            }
            if (!seen.add(ByteBuffer.wrap(r.mac()))) {
                reasons[i] = "DUPLICATE_CHECKIN";
                continue;
            }
            accepted.add(r);
        }
        return new Outcome(accepted, reasons);
    }

    private static byte[] decode(String b64, String code) {
        try {
            return Base64.getDecoder().decode(b64 == null ? "" : b64.trim());
        } catch (IllegalArgumentException e) {
            throw new CheckinFormatException(code, "not base64");
        }
    }
}
