-- A referral or a place counts only once the device has sent heartbeats on two different days (issue 15 §3): a
-- scripted registration that never runs the app for a second day no longer inflates a referrer's or a place's
-- figure. first_seen_day is the day of the device's first heartbeat; "two days" is last_seen_day > first_seen_day.
-- Devices seen before this migration have their last day as their first: they need one more day to count.
ALTER TABLE device ADD COLUMN first_seen_day DATE;
UPDATE device SET first_seen_day = last_seen_day WHERE last_seen_day IS NOT NULL;
