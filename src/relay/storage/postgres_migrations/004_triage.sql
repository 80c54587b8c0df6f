-- Lotsen schema for PostgreSQL, version 4: staff have the last word on triage (issue 11),
-- as migrations/004_triage.sql.

ALTER TABLE conversations ADD COLUMN triage_override text;
ALTER TABLE conversations ADD COLUMN triage_feedback text;
