-- Officers tell codes apart by a short case reference they type (the case file's number, never a name), and the
-- console records that the long code went out by SMS (when, not to whom: the phone number is not stored).
ALTER TABLE verification_code ADD COLUMN case_reference VARCHAR(32);
ALTER TABLE verification_code ADD COLUMN sms_sent_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX verification_code_issuer_ix ON verification_code (issued_by, issued_at);
