-- A visit recorded on a phone without a connection is sent later, maybe twice (the answer to the first send lost):
-- the phone names each visit with a random reference, and a reference is stored once.
ALTER TABLE campaign_visit ADD COLUMN client_ref VARCHAR(64);
CREATE UNIQUE INDEX campaign_visit_client_ref_uk ON campaign_visit (client_ref);
