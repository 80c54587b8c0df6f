-- Lotsen schema, version 9: several relays on one database (issue 16, phase 2) is PostgreSQL's
-- alone (postgres_migrations/009_cluster.sql): a SQLite file has one relay. Nothing changes
-- here; the number is kept so both engines' schema versions stay the same.
SELECT 1;
