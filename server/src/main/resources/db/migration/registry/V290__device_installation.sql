-- Idempotent registration (added by the campaign feature, version range 290-299 to stay clear of the registry's own):
-- the app generates a random UUID once per installation and sends it with every registration attempt. Only its
-- SHA-256 is stored: it is not personal data, but it is the proof that lets a lost first answer be fetched again.
-- NULL for devices registered without one (older apps); NULLs do not collide in a unique index.
ALTER TABLE device ADD COLUMN installation_hash VARCHAR(64);
CREATE UNIQUE INDEX device_installation_uk ON device (installation_hash);
