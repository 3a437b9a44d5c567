package vn.bluezone.server.registry.attestation;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ApiException;

/** The refusals of an attestation: 400 with a stable code (api/README.md, "Registry: device attestation"). */
final class AttestationRefusal {
    private AttestationRefusal() {
    }

    static ApiException of(ErrorCode code, String message) {
        return ApiException.badRequest(code, message);
    }

    static ApiException invalid(String message) {
        return of(ErrorCode.ATTESTATION_INVALID, message);
    }

    static ApiException wrongNonce() {
        return of(ErrorCode.ATTESTATION_WRONG_NONCE, "The attestation was made for another request");
    }

    static ApiException expired() {
        return of(ErrorCode.ATTESTATION_EXPIRED, "The attestation is too old (or from the future); ask for a new one");
    }
}
