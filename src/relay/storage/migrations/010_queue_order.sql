-- Lotsen schema, version 10: one queue order for several relays on one database is
-- PostgreSQL's alone (postgres_migrations/010_queue_order.sql): a SQLite file has one relay,
-- which numbers its queue itself as before. Nothing changes here; the number is kept so both
-- engines' schema versions stay the same.
SELECT 1;
