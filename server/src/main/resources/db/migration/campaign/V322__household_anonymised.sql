-- Issue 15 §4: household heads' names and addresses are anonymised once a commune's door-to-door campaign has ended
-- (HouseholdRetentionJob, bluezone.campaign.household.retention-days); the counts and visits stay for the figures.
ALTER TABLE campaign_household ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
