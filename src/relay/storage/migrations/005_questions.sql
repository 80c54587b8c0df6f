-- Lotsen schema, version 5: questions asked outside opening hours, read later with a case code.
-- The code is stored only as a SHA-256 hash of its normalised form (relay/questions.py), and so
-- is the widget's resend key. Text lives only in `question_lines` (and the triage reasons, which
-- quote it); the retention purge deletes both and leaves the row as the statistics record.
-- No column holds an IP address or a user agent.

CREATE TABLE questions (
    id              INTEGER PRIMARY KEY,
    code_hash       TEXT UNIQUE,          -- SHA-256 of the normalised case code; NULL once purged
    key_hash        TEXT UNIQUE,          -- SHA-256 of the widget's resend key; NULL once purged
    lang            TEXT,
    role            TEXT,                 -- who the visitor said they write about
    urgent          INTEGER NOT NULL DEFAULT 0,
    reasons         TEXT,                 -- JSON list of triage's words; NULL once purged
    state           TEXT NOT NULL,        -- open | closed
    staff           TEXT,                 -- username of the staff member who took it
    asked_at        REAL NOT NULL,
    first_answer_at REAL,
    last_answer_at  REAL,
    read_at         REAL,                 -- when the visitor last read the thread's answers
    answer_read     INTEGER NOT NULL DEFAULT 0,  -- an answer was read at least once
    staff_seen_seq  INTEGER NOT NULL DEFAULT 0,  -- the holder has seen lines up to this one
    closed_at       REAL,
    outcome_role    TEXT,
    tags            TEXT,                 -- JSON list of topic tags set at close
    referrals       TEXT,                 -- JSON list of referral directory ids
    purged          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_state ON questions(state);
CREATE INDEX questions_asked_at ON questions(asked_at);

CREATE TABLE question_lines (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,            -- visitor | staff | note
    author      TEXT,                     -- staff username; NULL for the visitor
    text        TEXT NOT NULL,
    ts          REAL NOT NULL,
    cid         TEXT
);
CREATE UNIQUE INDEX question_lines_by_question ON question_lines(question_id, seq);
