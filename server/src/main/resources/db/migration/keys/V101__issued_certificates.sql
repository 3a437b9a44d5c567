-- Certificates are recorded when issued (by JWT id and SHA-256 of the whole token) and marked when redeemed.
-- An upload whose certificate matches an unused, unexpired record is authentic without an ECDSA verification
-- (the server wrote the record itself); anything else is checked with the signature. Replaces used_certificate.
CREATE TABLE issued_certificate (
    jti        VARCHAR(64) PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
DROP TABLE used_certificate;
