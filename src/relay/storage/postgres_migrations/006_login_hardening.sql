-- Lotsen schema for PostgreSQL, version 6: login hardening (docs/security.md, issue 10), as
-- migrations/006_login_hardening.sql.

ALTER TABLE staff ADD COLUMN totp_last_step bigint;

CREATE TABLE devices (
    token_hash  text PRIMARY KEY,         -- SHA-256 of the device token
    staff_id    bigint NOT NULL REFERENCES staff(id),
    created_at  double precision NOT NULL,
    expires_at  double precision NOT NULL
);
CREATE INDEX devices_expires_at ON devices(expires_at);
