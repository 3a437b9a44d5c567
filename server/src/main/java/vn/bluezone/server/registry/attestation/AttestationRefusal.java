package vn.bluezone.server.registry.attestation;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/** The refusals of an attestation: a stable code (400 on the wire, web.ErrorStatus; api/README.md). */
final class AttestationRefusal {
    private AttestationRefusal() {
    }

    static DomainException of(ErrorCode code, String message) {
        return new DomainException(code, message);
    }

    static DomainException invalid(String message) {
        return of(ErrorCode.ATTESTATION_INVALID, message);
    }

    static DomainException wrongNonce() {
        return of(ErrorCode.ATTESTATION_WRONG_NONCE, "The attestation was made for another request");
    }

    static DomainException expired() {
        return of(ErrorCode.ATTESTATION_EXPIRED, "The attestation is too old (or from the future); ask for a new one");
    }
}
