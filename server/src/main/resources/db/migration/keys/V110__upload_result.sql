-- Idempotent upload retries (issue 15 §5): the answer given to a certificate's upload, written in the same
-- transaction as the keys, so that a phone whose answer was lost (the server died between commit and answer)
-- gets the same answer on retry instead of CERTIFICATE_USED. Per key, in order: empty = ACCEPTED, else the
-- rejection reason; comma-separated (at most 30 keys).
ALTER TABLE issued_certificate ADD COLUMN upload_result VARCHAR(2000);
