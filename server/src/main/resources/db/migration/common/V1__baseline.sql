-- Baseline: nothing yet. Features add their own migrations in their own folders.
CREATE TABLE bluezone_schema_info (name VARCHAR(64) PRIMARY KEY, value VARCHAR(256) NOT NULL);
INSERT INTO bluezone_schema_info (name, value) VALUES ('created_by', 'bluezone');
