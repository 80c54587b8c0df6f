-- Lotsen schema, version 7: several organisations on one relay (issue 15).
-- Every row belongs to one organisation, and its id is part of the row's key (as in Aselo's
-- `(id, accountSid)` keys), not a filter some queries remember: SQLiteStorage.scoped(org)
-- puts it in every statement. Rows stored before this version belong to the implicit
-- organisation "default" (relay/organisations.py), the one a relay without
-- [[organisation]] tables serves, so an upgraded relay sees exactly what it saw before.
--
-- Tables whose primary key changes are rebuilt (conversations, questions, room_messages,
-- closed_visits: no text in the first two, little in the others). The rest get the column
-- with the default (SQLite adds it without rewriting the table) and their unique keys are
-- remade with the organisation first. Conversation and question ids stay unique relay-wide
-- (the relay hands them out from one counter), so an id never names two chats; staff login
-- names stay unique relay-wide too, because a login names the account and with it the
-- organisation.

CREATE TABLE conversations_v7 (
    org          TEXT NOT NULL,
    id           INTEGER NOT NULL,
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
    purged       INTEGER NOT NULL DEFAULT 0,
    blocked      INTEGER NOT NULL DEFAULT 0,
    triage_override TEXT,
    triage_feedback TEXT,
    PRIMARY KEY (org, id)
);
INSERT INTO conversations_v7 (org, id, token_hash, alias, lang, role, state, urgent, staff_id,
    created_at, claimed_at, closed_at, closed_by, outcome_role, tags, referrals, feedback,
    visitor_lines, staff_lines, purged, blocked, triage_override, triage_feedback)
    SELECT 'default', id, token_hash, alias, lang, role, state, urgent, staff_id, created_at,
        claimed_at, closed_at, closed_by, outcome_role, tags, referrals, feedback,
        visitor_lines, staff_lines, purged, blocked, triage_override, triage_feedback
    FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_v7 RENAME TO conversations;
CREATE INDEX conversations_state ON conversations(org, state);
CREATE INDEX conversations_closed_at ON conversations(org, closed_at);
CREATE INDEX conversations_created_at ON conversations(org, created_at);
CREATE UNIQUE INDEX conversations_id ON conversations(id);

CREATE TABLE questions_v7 (
    org             TEXT NOT NULL,
    id              INTEGER NOT NULL,
    code_hash       TEXT UNIQUE,
    key_hash        TEXT UNIQUE,
    lang            TEXT,
    role            TEXT,
    urgent          INTEGER NOT NULL DEFAULT 0,
    reasons         TEXT,
    state           TEXT NOT NULL,
    staff           TEXT,
    asked_at        REAL NOT NULL,
    first_answer_at REAL,
    last_answer_at  REAL,
    read_at         REAL,
    answer_read     INTEGER NOT NULL DEFAULT 0,
    staff_seen_seq  INTEGER NOT NULL DEFAULT 0,
    closed_at       REAL,
    outcome_role    TEXT,
    tags            TEXT,
    referrals       TEXT,
    purged          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org, id)
);
INSERT INTO questions_v7 (org, id, code_hash, key_hash, lang, role, urgent, reasons, state,
    staff, asked_at, first_answer_at, last_answer_at, read_at, answer_read, staff_seen_seq,
    closed_at, outcome_role, tags, referrals, purged)
    SELECT 'default', id, code_hash, key_hash, lang, role, urgent, reasons, state, staff,
        asked_at, first_answer_at, last_answer_at, read_at, answer_read, staff_seen_seq,
        closed_at, outcome_role, tags, referrals, purged
    FROM questions;
DROP TABLE questions;
ALTER TABLE questions_v7 RENAME TO questions;
CREATE INDEX questions_state ON questions(org, state);
CREATE INDEX questions_asked_at ON questions(org, asked_at);
CREATE UNIQUE INDEX questions_id ON questions(id);

CREATE TABLE room_messages_v7 (
    org        TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    author     TEXT NOT NULL,
    text       TEXT NOT NULL,
    ts         REAL NOT NULL,
    PRIMARY KEY (org, seq)
);
INSERT INTO room_messages_v7 (org, seq, author, text, ts)
    SELECT 'default', seq, author, text, ts FROM room_messages;
DROP TABLE room_messages;
ALTER TABLE room_messages_v7 RENAME TO room_messages;

CREATE TABLE closed_visits_v7 (
    org    TEXT NOT NULL,
    hour   TEXT NOT NULL,                 -- local time, 'YYYY-MM-DDTHH'
    count  INTEGER NOT NULL,
    PRIMARY KEY (org, hour)
);
INSERT INTO closed_visits_v7 (org, hour, count)
    SELECT 'default', hour, count FROM closed_visits;
DROP TABLE closed_visits;
ALTER TABLE closed_visits_v7 RENAME TO closed_visits;

ALTER TABLE staff ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX staff_by_org ON staff(org, id);
CREATE UNIQUE INDEX staff_username_by_org ON staff(org, username);

ALTER TABLE sessions ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX sessions_by_org ON sessions(org, token_hash);

ALTER TABLE devices ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX devices_by_org ON devices(org, token_hash);

ALTER TABLE audit ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
DROP INDEX audit_ts;
CREATE UNIQUE INDEX audit_ts ON audit(org, ts, id);  -- unique with the id: the row's key too

ALTER TABLE messages ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
DROP INDEX messages_by_conversation;
CREATE UNIQUE INDEX messages_by_conversation ON messages(org, conversation_id, seq);

ALTER TABLE question_lines ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
DROP INDEX question_lines_by_question;
CREATE UNIQUE INDEX question_lines_by_question ON question_lines(org, question_id, seq);
