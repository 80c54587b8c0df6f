-- Lotsen schema, version 2: staff can block an abusive conversation (docs/security.md).
-- The flag sits on the conversation itself: its token (a SHA-256 hash, NULL once purged) is the
-- only thing that can be refused later, so no identity of the visitor is stored to make it work.

ALTER TABLE conversations ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
