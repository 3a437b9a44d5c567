-- Striped roll-up counters (issue 15 §5): several rows per unit and day, told apart by stripe, summed on read.
-- The country's and each province's row of a day were updated by every registration and held until its commit, so
-- concurrent registrations queued on them. Writers now add to one stripe chosen at random (StatisticsCounters);
-- readers already sum over days and now also over stripes. Existing rows become stripe 0. The table is rebuilt
-- rather than altered because H2 and PostgreSQL name (and drop) primary keys differently.
CREATE TABLE unit_day_stat_striped (
    unit_code       VARCHAR(16) NOT NULL,
    stat_day        DATE        NOT NULL,
    stripe          SMALLINT    NOT NULL DEFAULT 0,
    installs        BIGINT      NOT NULL DEFAULT 0,
    active_1d       BIGINT      NOT NULL DEFAULT 0,
    bluetooth_on_1d BIGINT      NOT NULL DEFAULT 0,
    active_7d       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT unit_day_stat_stripe_pk PRIMARY KEY (unit_code, stat_day, stripe)
);
INSERT INTO unit_day_stat_striped (unit_code, stat_day, stripe, installs, active_1d, bluetooth_on_1d, active_7d)
    SELECT unit_code, stat_day, 0, installs, active_1d, bluetooth_on_1d, active_7d FROM unit_day_stat;
DROP TABLE unit_day_stat;
ALTER TABLE unit_day_stat_striped RENAME TO unit_day_stat;
