-- App Attest keys accepted from an attestation object (AppAttestVerifier): base64 of the X.509 public key, the last
-- assertion counter seen (an assertion must increase it: replays are refused) and the one install it attests.
CREATE TABLE app_attest_key (
    key_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    public_key  VARCHAR(200) NOT NULL,
    sign_count  BIGINT       NOT NULL DEFAULT 0,
    device_id   VARCHAR(36),
    attested_at TIMESTAMP    NOT NULL
);
