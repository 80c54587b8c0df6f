-- Lotsen schema for PostgreSQL, version 8: the professionals' network (issue 15), as
-- migrations/008_network.sql. Lines are keyed by their topic room and number, each naming
-- its author's organisation; membership records which organisations opted in, since when.

CREATE TABLE network_messages (
    room    text NOT NULL,
    seq     bigint NOT NULL,
    org     text NOT NULL,
    author  text NOT NULL,
    name    text NOT NULL,
    text    text NOT NULL,
    ts      double precision NOT NULL,
    PRIMARY KEY (room, seq)
);
CREATE INDEX network_messages_ts ON network_messages(ts);

CREATE TABLE network_members (
    org     text NOT NULL PRIMARY KEY,
    since   double precision NOT NULL
);
