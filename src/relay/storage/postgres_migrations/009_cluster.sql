-- Lotsen schema for PostgreSQL, version 9: several relays on one database (issue 16, phase 2).
--
-- relays: one heartbeat row per running relay; a relay whose row expired is dead, and what it
-- said in staff_presence no longer counts (relay/cluster.py). staff_presence: which staff
-- member has a connection on which relay, so every relay shows the same presence and knows
-- who is online for a transfer. conversation_id_blocks and question_id_blocks hand out blocks
-- of ids, so relays never number two chats (or questions) alike. lotsen_place_lines stores lines as
-- lotsen_append_lines does, but a line whose number another relay took meanwhile gets the next
-- free one (the caller is told which), and it wakes the other relays with a NOTIFY naming the
-- conversations and line numbers (no text), sent when the transaction commits.

CREATE TABLE relays (
    relay       text PRIMARY KEY,
    expires_at  double precision NOT NULL
);

CREATE TABLE staff_presence (
    relay         text NOT NULL,
    org           text NOT NULL,
    username      text NOT NULL,
    display_name  text NOT NULL,
    supervisor    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (relay, org, username)
);

CREATE SEQUENCE conversation_id_blocks;
CREATE SEQUENCE question_id_blocks;

CREATE FUNCTION lotsen_place_lines(p_relay text, p_orgs text[], p_conversations bigint[],
                                   p_seqs bigint[], p_kinds text[], p_authors text[],
                                   p_texts text[], p_ts double precision[], p_cids text[])
    RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    placed bigint[] := '{}';
    stored bigint;
    fast boolean;
    i integer;
BEGIN
    -- Rows locked in one order, so two relays' groups never wait on each other in a circle.
    PERFORM 1 FROM conversations c
      WHERE (c.org, c.id) IN (SELECT * FROM unnest(p_orgs, p_conversations))
      ORDER BY c.org, c.id FOR UPDATE;
    -- The usual case: every line keeps its number (no other relay wrote in between), and the
    -- group goes in set-based, as lotsen_append_lines does.
    SELECT bool_and(NOT g.unnumbered AND c.id IS NOT NULL AND c.last_seq < g.low) INTO fast
      FROM (SELECT org, conversation, min(seq) AS low, bool_or(seq IS NULL) AS unnumbered
              FROM unnest(p_orgs, p_conversations, p_seqs) AS t(org, conversation, seq)
             GROUP BY org, conversation) g
      LEFT JOIN conversations c ON c.org = g.org AND c.id = g.conversation;
    IF coalesce(fast, false) THEN
        UPDATE conversations c SET last_seq = g.top
          FROM (SELECT org, conversation, max(seq) AS top
                  FROM unnest(p_orgs, p_conversations, p_seqs) AS t(org, conversation, seq)
                 GROUP BY org, conversation) g
         WHERE c.org = g.org AND c.id = g.conversation;
        INSERT INTO messages (org, conversation_id, seq, kind, author, text, ts, cid)
        SELECT * FROM unnest(p_orgs, p_conversations, p_seqs, p_kinds, p_authors, p_texts,
                             p_ts, p_cids);
        placed := p_seqs;
    ELSE
        -- Another relay numbered a line meanwhile: one line at a time, each after the last.
        FOR i IN 1 .. coalesce(cardinality(p_conversations), 0) LOOP
            UPDATE conversations SET last_seq = GREATEST(p_seqs[i], last_seq + 1)
             WHERE org = p_orgs[i] AND id = p_conversations[i]
            RETURNING last_seq INTO stored;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'conversation % does not exist', p_conversations[i]
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            INSERT INTO messages (org, conversation_id, seq, kind, author, text, ts, cid)
            VALUES (p_orgs[i], p_conversations[i], stored, p_kinds[i], p_authors[i],
                    p_texts[i], p_ts[i], p_cids[i]);
            placed := placed || stored;
        END LOOP;
    END IF;
    -- One wake-up per 300 conversations of an organisation (well below NOTIFY's 8,000 bytes):
    -- 'l <relay> <org> <conversation>:<first seq>:<last seq> ...'.
    PERFORM pg_notify('lotsen:' || current_schema(),
                      concat_ws(' ', 'l', p_relay, x.org,
                                string_agg(concat_ws(':', x.conversation, x.lo, x.hi), ' ')))
       FROM (SELECT t.org, t.conversation, min(t.seq) AS lo, max(t.seq) AS hi,
                    (row_number() OVER (PARTITION BY t.org ORDER BY t.conversation) - 1) / 300
                        AS chunk
               FROM unnest(p_orgs, p_conversations, placed) AS t(org, conversation, seq)
              GROUP BY t.org, t.conversation) x
      GROUP BY x.org, x.chunk;
    RETURN placed;
END
$$;
