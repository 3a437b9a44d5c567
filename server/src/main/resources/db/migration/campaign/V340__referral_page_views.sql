-- Views of the public referral page /r/{referralCode} (issue 16): a number per referral code and day, like the
-- install page's per place; nothing about the visitor (no address, no cookie).
CREATE TABLE campaign_referral_view (
    referral_code VARCHAR(16) NOT NULL,
    view_day      DATE        NOT NULL,
    views         BIGINT      NOT NULL,
    PRIMARY KEY (referral_code, view_day)
);
