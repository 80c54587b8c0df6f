-- Lotsen schema for PostgreSQL, version 11: questions outside opening hours shared by several
-- relays on one database (issue 16; relay/question_desk.py, relay/cluster.py).
--
-- lotsen_place_question_line stores a reply or an answer under the number the relay gave it,
-- or the next free one when another relay numbered a line of that question meanwhile (the
-- question's row is locked, so two relays never pick one number); it returns the number
-- stored, 0 when the question is closed (or gone), and -1 when p_holder is given and the
-- question is not held by that staff member (a colleague took it on another relay). The
-- same transaction wakes the other relays: 'q <relay> <org> <question>', numbers only.

CREATE FUNCTION lotsen_place_question_line(p_relay text, p_org text, p_question bigint,
                                           p_seq bigint, p_kind text, p_author text,
                                           p_text text, p_ts double precision, p_cid text,
                                           p_holder text)
    RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    q_state text;
    q_staff text;
    q_purged bigint;
    top bigint;
    placed bigint;
BEGIN
    SELECT state, staff, purged INTO q_state, q_staff, q_purged FROM questions
     WHERE org = p_org AND id = p_question FOR UPDATE;
    IF NOT FOUND OR q_state <> 'open' OR q_purged <> 0 THEN
        RETURN 0;
    END IF;
    IF p_holder IS NOT NULL AND q_staff IS DISTINCT FROM p_holder THEN
        RETURN -1;
    END IF;
    SELECT coalesce(max(seq), 0) INTO top FROM question_lines
     WHERE org = p_org AND question_id = p_question;
    placed := GREATEST(p_seq, top + 1);
    INSERT INTO question_lines (org, question_id, seq, kind, author, text, ts, cid)
    VALUES (p_org, p_question, placed, p_kind, p_author, p_text, p_ts, p_cid);
    PERFORM pg_notify('lotsen:' || current_schema(),
                      concat_ws(' ', 'q', p_relay, p_org, p_question));
    RETURN placed;
END
$$;
