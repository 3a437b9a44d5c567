package vn.bluezone.device.server;

import java.util.List;

import vn.bluezone.protocol.TemporaryExposureKey;

/** One upload of a phone's own daily keys, with the certificate that binds their HMAC and the HMAC key. */
public record DiagnosisKeyUpload(List<TemporaryExposureKey> keys, String certificate, String hmacKeyBase64,
                                 String padding) {
    public DiagnosisKeyUpload {
        keys = List.copyOf(keys);
    }
}
