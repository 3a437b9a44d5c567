-- A volunteer who found nobody at home records it: the household stays on the "not visited yet" list, and the
-- attempt is kept (who went, when), so the next volunteer knows to come at another hour.
ALTER TABLE campaign_visit ADD COLUMN nobody_home BOOLEAN DEFAULT FALSE NOT NULL;
