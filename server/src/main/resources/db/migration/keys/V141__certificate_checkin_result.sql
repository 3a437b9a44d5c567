-- Issue 14 (kept with the certificate, so in the keys feature, which owns issued_certificate): a retried upload (same certificate, same keys and check-ins) gets exactly the first answer, the
-- check-ins' per-item results included. Kept like upload_result: one field per check-in in order, empty for
-- ACCEPTED, else the code (at most 100 check-ins, so at most 100 codes). NULL: the upload carried no check-ins
-- (or was stored before this column existed; such a retry has its check-ins checked again).
ALTER TABLE issued_certificate ADD COLUMN checkin_result VARCHAR(4000);
