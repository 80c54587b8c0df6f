-- Lotsen schema for PostgreSQL, version 7: several organisations on one relay (issue 15), as
-- migrations/007_organisations.sql. Every row belongs to one organisation, and its id is part
-- of the row's key; rows stored before this version belong to the implicit organisation
-- "default" (relay/organisations.py).
--
-- SQLite rebuilds the tables whose primary key changes; PostgreSQL can change a key in place:
-- the column is added with the default (which fills the existing rows), and for the tables
-- SQLite rebuilt without a default (conversations, questions, room_messages, closed_visits)
-- the default is dropped again, so a statement that forgot the organisation fails instead of
-- writing into "default". No foreign key points at those tables, so their keys can be remade.
-- Conversation and question ids stay unique relay-wide (one counter hands them out).

ALTER TABLE conversations ADD COLUMN org text NOT NULL DEFAULT 'default';
ALTER TABLE conversations ALTER COLUMN org DROP DEFAULT;
ALTER TABLE conversations DROP CONSTRAINT conversations_pkey;
ALTER TABLE conversations ADD PRIMARY KEY (org, id);
CREATE UNIQUE INDEX conversations_id ON conversations(id);
DROP INDEX conversations_state;
DROP INDEX conversations_closed_at;
CREATE INDEX conversations_state ON conversations(org, state);
CREATE INDEX conversations_closed_at ON conversations(org, closed_at);
CREATE INDEX conversations_created_at ON conversations(org, created_at);

ALTER TABLE questions ADD COLUMN org text NOT NULL DEFAULT 'default';
ALTER TABLE questions ALTER COLUMN org DROP DEFAULT;
ALTER TABLE questions DROP CONSTRAINT questions_pkey;
ALTER TABLE questions ADD PRIMARY KEY (org, id);
CREATE UNIQUE INDEX questions_id ON questions(id);
DROP INDEX questions_state;
DROP INDEX questions_asked_at;
CREATE INDEX questions_state ON questions(org, state);
CREATE INDEX questions_asked_at ON questions(org, asked_at);

ALTER TABLE room_messages ADD COLUMN org text NOT NULL DEFAULT 'default';
ALTER TABLE room_messages ALTER COLUMN org DROP DEFAULT;
ALTER TABLE room_messages DROP CONSTRAINT room_messages_pkey;
ALTER TABLE room_messages ADD PRIMARY KEY (org, seq);

ALTER TABLE closed_visits ADD COLUMN org text NOT NULL DEFAULT 'default';
ALTER TABLE closed_visits ALTER COLUMN org DROP DEFAULT;
ALTER TABLE closed_visits DROP CONSTRAINT closed_visits_pkey;
ALTER TABLE closed_visits ADD PRIMARY KEY (org, hour);

ALTER TABLE staff ADD COLUMN org text NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX staff_by_org ON staff(org, id);
CREATE UNIQUE INDEX staff_username_by_org ON staff(org, username);

ALTER TABLE sessions ADD COLUMN org text NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX sessions_by_org ON sessions(org, token_hash);

ALTER TABLE devices ADD COLUMN org text NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX devices_by_org ON devices(org, token_hash);

ALTER TABLE audit ADD COLUMN org text NOT NULL DEFAULT 'default';
DROP INDEX audit_ts;
CREATE UNIQUE INDEX audit_ts ON audit(org, ts, id);  -- unique with the id: the row's key too

-- SQLite keys lines by a unique (org, conversation_id, seq) index; here that is the primary key.
ALTER TABLE messages ADD COLUMN org text NOT NULL DEFAULT 'default';
ALTER TABLE messages DROP CONSTRAINT messages_pkey;
ALTER TABLE messages ADD PRIMARY KEY (org, conversation_id, seq);

ALTER TABLE question_lines ADD COLUMN org text NOT NULL DEFAULT 'default';
DROP INDEX question_lines_by_question;
CREATE UNIQUE INDEX question_lines_by_question ON question_lines(org, question_id, seq);

-- Lines are stored with their organisation: the functions of 001 take it first now (the old
-- signatures are dropped, so nothing can store a line without one).
DROP FUNCTION lotsen_append_line(bigint, bigint, text, text, text, double precision, text);
DROP FUNCTION lotsen_append_lines(bigint[], bigint[], text[], text[], text[],
                                  double precision[], text[]);

CREATE FUNCTION lotsen_append_line(p_org text, p_conversation bigint, p_seq bigint,
                                   p_kind text, p_author text, p_text text,
                                   p_ts double precision, p_cid text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    stored bigint;
BEGIN
    UPDATE conversations SET last_seq = COALESCE(p_seq, last_seq + 1)
     WHERE org = p_org AND id = p_conversation AND (p_seq IS NULL OR last_seq < p_seq)
    RETURNING last_seq INTO stored;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'line % of conversation % is numbered already, or no such conversation',
            p_seq, p_conversation USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO messages (org, conversation_id, seq, kind, author, text, ts, cid)
    VALUES (p_org, p_conversation, stored, p_kind, p_author, p_text, p_ts, p_cid);
    RETURN stored;
END
$$;

CREATE FUNCTION lotsen_append_lines(p_orgs text[], p_conversations bigint[], p_seqs bigint[],
                                    p_kinds text[], p_authors text[], p_texts text[],
                                    p_ts double precision[], p_cids text[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    stored bigint;
BEGIN
    WITH input AS (
        SELECT * FROM unnest(p_orgs, p_conversations, p_seqs, p_kinds, p_authors, p_texts,
                             p_ts, p_cids) AS t(org, conversation, seq, kind, author, text, ts,
                                                 cid)
    ), bumped AS (
        UPDATE conversations c SET last_seq = g.top
          FROM (SELECT org, conversation, max(seq) AS top, min(seq) AS low
                  FROM input GROUP BY org, conversation) g
         WHERE c.org = g.org AND c.id = g.conversation AND c.last_seq < g.low
        RETURNING c.org, c.id
    )
    INSERT INTO messages (org, conversation_id, seq, kind, author, text, ts, cid)
    SELECT org, conversation, seq, kind, author, text, ts, cid FROM input
     WHERE (org, conversation) IN (SELECT org, id FROM bumped) ORDER BY conversation, seq;
    GET DIAGNOSTICS stored = ROW_COUNT;
    IF stored <> cardinality(p_conversations) THEN
        RAISE EXCEPTION 'a line is numbered already, or its conversation does not exist'
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN stored;
END
$$;
