-- Device attestation (issue 15 §3). An install is attested when its registration, or a later heartbeat, carried a
-- platform verdict the server verified (Play Integrity, App Attest); otherwise it is stored and counted apart as
-- unattested ("chưa xác thực"). The rate officials are ranked on counts attested installs only.
ALTER TABLE device ADD COLUMN attestation_kind VARCHAR(16);
ALTER TABLE device ADD COLUMN attested_day DATE;
-- attested_installs: installs that became attested on the day (at registration, or later by a heartbeat); a subset
-- of all installs, so attested up to day D never exceeds installs up to D. Parents = sum of children, as installs.
ALTER TABLE unit_day_stat ADD COLUMN attested_installs BIGINT NOT NULL DEFAULT 0;
-- A queued install that was attested at registration.
ALTER TABLE install_queue ADD COLUMN attested BOOLEAN NOT NULL DEFAULT FALSE;
