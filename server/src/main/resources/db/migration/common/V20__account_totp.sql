-- Optional second factor for officials (TOTP, RFC 6238; standard authenticator apps). The secret is what the app
-- holds; totp_last_step stops a code from being used twice within its 30-second window.
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_enabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;
