-- Lotsen schema, version 11: questions shared by several relays on one database (issue 16)
-- is PostgreSQL's alone (postgres_migrations/011_cluster_questions.sql): a SQLite file has
-- one relay. Nothing changes here; the number is kept so both engines' versions stay the same.
SELECT 1;
