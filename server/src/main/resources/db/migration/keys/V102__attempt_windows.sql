-- Verification attempts counted in fixed windows in the database, so that every server instance draws on one
-- budget (bluezone.keys.rate-limit.shared=true). subject: 'global' for the whole server, otherwise 32 hex digits of
-- a keyed hash of the client address (never the address itself). Times are epoch seconds (UTC); rows whose
-- window has ended are deleted every 10 minutes.
CREATE TABLE attempt_window (
    subject      VARCHAR(64) NOT NULL,
    window_start BIGINT      NOT NULL,
    window_end   BIGINT      NOT NULL,
    attempts     INTEGER     NOT NULL,
    PRIMARY KEY (subject, window_start)
);
CREATE INDEX attempt_window_end ON attempt_window (window_end);
