-- Lotsen schema, version 8: the professionals' network (issue 15, relay/network.py).
--
-- The network is the one place staff of several organisations share: its lines are keyed by
-- their topic room and number, not by an organisation, and each names the organisation of its
-- author. Only the relay's network code reads them, and only for staff of organisations that
-- opt in. Text lives in `network_messages` until the network's own retention purge
-- ([network] retention_days) deletes it.

CREATE TABLE network_messages (
    room    TEXT NOT NULL,                 -- a [[network.room]] id
    seq     INTEGER NOT NULL,              -- per room, from 1
    org     TEXT NOT NULL,                 -- the author's organisation
    author  TEXT NOT NULL,                 -- the author's login name (never sent to clients)
    name    TEXT NOT NULL,                 -- the author's display name when they wrote
    text    TEXT NOT NULL,
    ts      REAL NOT NULL,
    PRIMARY KEY (room, seq)
) WITHOUT ROWID;
CREATE INDEX network_messages_ts ON network_messages(ts);

-- Which organisations are in the network, and since when. The relay writes it at start from
-- the config's `network = true`, and writes each change to that organisation's audit log too
-- (network_join / network_leave), which `lotsen org show` prints.
CREATE TABLE network_members (
    org     TEXT NOT NULL PRIMARY KEY,
    since   REAL NOT NULL
);
