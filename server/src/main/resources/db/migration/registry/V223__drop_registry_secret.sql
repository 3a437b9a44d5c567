-- Prefix hashes use the network limiter's address key (web/limits/ClientHasher) instead of a key of their own, so
-- the table V220 made for that key is no longer read.
DROP TABLE registry_secret;
