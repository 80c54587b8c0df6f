-- Lotsen schema, version 1.
-- No table holds an IP address, a user agent or a token in clear (tokens are SHA-256 hashes).
-- Message text lives only in `messages` and `room_messages`, which the retention purge empties;
-- a closed conversation's row stays as the statistics-only record.

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,          -- Argon2id, argon2-cffi's encoded form
    supervisor    INTEGER NOT NULL DEFAULT 0,
    disabled      INTEGER NOT NULL DEFAULT 0,
    totp_secret   TEXT,
    created_at    REAL NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,         -- SHA-256 of the session token
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL
);

CREATE TABLE conversations (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT UNIQUE,             -- SHA-256 of the visitor's resume token; NULL once purged
    alias        TEXT NOT NULL,
    lang         TEXT,
    role         TEXT,                    -- who the visitor said they write about
    state        TEXT NOT NULL,           -- queued | active | closed
    urgent       INTEGER NOT NULL DEFAULT 0,
    staff_id     INTEGER REFERENCES staff(id),
    created_at   REAL NOT NULL,
    claimed_at   REAL,
    closed_at    REAL,
    closed_by    TEXT,                    -- visitor | staff | system
    outcome_role TEXT,                    -- who wrote, as staff judged it at close
    tags         TEXT,                    -- JSON list of topic tags
    referrals    TEXT,                    -- JSON list of referral directory ids
    feedback     TEXT,                    -- yes | partly | no
    visitor_lines INTEGER NOT NULL DEFAULT 0,
    staff_lines  INTEGER NOT NULL DEFAULT 0,
    purged       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_state ON conversations(state);
CREATE INDEX conversations_closed_at ON conversations(closed_at);

CREATE TABLE messages (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    kind            TEXT NOT NULL,        -- visitor | staff | note | whisper | system
    author          TEXT,                 -- staff username for staff lines, NULL for visitors
    text            TEXT NOT NULL,
    ts              REAL NOT NULL,
    cid             TEXT,                 -- the sender's id for the line, to drop resends
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;

CREATE TABLE room_messages (
    seq        INTEGER PRIMARY KEY,
    author     TEXT NOT NULL,
    text       TEXT NOT NULL,
    ts         REAL NOT NULL
);

-- Anonymous count of widget openings while the chat was closed, per local hour.
CREATE TABLE closed_visits (
    hour   TEXT PRIMARY KEY,               -- local time, 'YYYY-MM-DDTHH'
    count  INTEGER NOT NULL
);

CREATE TABLE audit (
    id              INTEGER PRIMARY KEY,
    ts              REAL NOT NULL,
    actor           TEXT NOT NULL,         -- staff username, or 'system' / 'cli'
    action          TEXT NOT NULL,
    conversation_id INTEGER,
    detail          TEXT                   -- never message text
);
CREATE INDEX audit_ts ON audit(ts);
