-- Issue 15 §3: where a unit's registrations come from, for the anomaly flag "most installs from one network".
-- One row per hour, device unit and keyed hash of the client's network prefix (/24 IPv4, /56 IPv6): HMAC-SHA256
-- under a server secret, never the address or the prefix itself. The unit's ancestors are copied so that a ranking
-- of any level groups in SQL. Rows older than 48 hours are deleted by RegistrationPrefixRetention.
CREATE TABLE registration_prefix_hour (
    hour_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    unit_code      VARCHAR(16) NOT NULL,
    prefix_hash    VARCHAR(64) NOT NULL,
    commune_code   VARCHAR(8),
    district_code  VARCHAR(8),
    province_code  VARCHAR(8),
    registrations  INTEGER     NOT NULL,
    PRIMARY KEY (hour_start, unit_code, prefix_hash)
);
CREATE INDEX registration_prefix_hour_province_ix ON registration_prefix_hour (province_code, hour_start);

-- The HMAC key of prefix hashes when bluezone.statistics.anomaly.prefix-secret is not set (made once, shared by
-- every instance on this database).
CREATE TABLE registry_secret (
    name        VARCHAR(32) PRIMARY KEY,
    secret      VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
