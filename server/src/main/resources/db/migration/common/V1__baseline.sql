-- Baseline: nothing yet. Features add their own migrations in their own folders.
-- (Column names avoid words that H2 reserves, e.g. VALUE, KEY, YEAR, USER: one script serves H2 and PostgreSQL.)
CREATE TABLE bluezone_schema_info (info_name VARCHAR(64) PRIMARY KEY, info_value VARCHAR(256) NOT NULL);
INSERT INTO bluezone_schema_info (info_name, info_value) VALUES ('created_by', 'bluezone');
