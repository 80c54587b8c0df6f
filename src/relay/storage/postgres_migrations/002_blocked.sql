-- Lotsen schema for PostgreSQL, version 2: staff can block an abusive conversation
-- (as migrations/002_blocked.sql; docs/security.md).

ALTER TABLE conversations ADD COLUMN blocked bigint NOT NULL DEFAULT 0;
