-- Lotsen schema for PostgreSQL, version 3. SQLite's version 3 rebuilt `messages` so lines are
-- stored in arrival order and found by a unique (conversation_id, seq) index. A PostgreSQL
-- table is a heap that already keeps rows in arrival order, and its primary key is that
-- index: nothing to rebuild. The number exists so both engines report the same version.

COMMENT ON TABLE messages IS 'transcript lines in arrival order; (conversation_id, seq) unique';
