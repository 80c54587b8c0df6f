-- Lotsen schema, version 3: lines are stored in arrival order, found by an index.
-- Version 1 kept `messages` WITHOUT ROWID, clustered by (conversation_id, seq): with many chats
-- at once every group commit inserted its lines all over the table's B-tree, dirtying a page
-- per line (~22 µs of SQLite work per line, measured). As a rowid table the text goes to the
-- end of the table and only the small index entries are scattered (~5 µs per line).
-- Reads by conversation use the unique index, which also keeps (conversation_id, seq) unique.

CREATE TABLE messages_v3 (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    kind            TEXT NOT NULL,        -- visitor | staff | note | whisper | system
    author          TEXT,                 -- staff username for staff lines, NULL for visitors
    text            TEXT NOT NULL,
    ts              REAL NOT NULL,
    cid             TEXT                  -- the sender's id for the line, to drop resends
);
INSERT INTO messages_v3 (conversation_id, seq, kind, author, text, ts, cid)
    SELECT conversation_id, seq, kind, author, text, ts, cid FROM messages
    ORDER BY ts, conversation_id, seq;
DROP TABLE messages;
ALTER TABLE messages_v3 RENAME TO messages;
CREATE UNIQUE INDEX messages_by_conversation ON messages(conversation_id, seq);
