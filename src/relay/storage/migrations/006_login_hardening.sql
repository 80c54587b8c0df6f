-- Lotsen schema, version 6: login hardening (docs/security.md, issue 10).
-- The last TOTP time step each account used, so a code cannot be replayed after a restart.
-- Device tokens: a console that logged in gets one (stored as a SHA-256 hash, like every token)
-- and sends it with later password logins, so strangers' failed guesses for the same name
-- never lock it out. Nothing about the device itself (no address, no user agent) is stored.

ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;

CREATE TABLE devices (
    token_hash  TEXT PRIMARY KEY,         -- SHA-256 of the device token
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE INDEX devices_expires_at ON devices(expires_at);
