-- Lotsen schema for PostgreSQL, version 10: one queue order for every relay on the database.
--
-- conversations.arrival is a chat's place in its organisation's queue, among the chats of
-- its class (urgent ones still come first): the relays' waiting queues order by it, so staff
-- on every relay see the same order and visitors the same positions (relay/cluster.py). A new
-- chat takes the next number of queue_arrivals in the INSERT that queues it (the column's
-- default); a chat put back "first in line" takes the next of queue_front, which counts down
-- from -1, in the UPDATE that queues it again: before every other chat waiting.
-- Chats waiting or held when this runs keep the order a relay loaded them in until now.

CREATE SEQUENCE queue_arrivals;
CREATE SEQUENCE queue_front INCREMENT BY -1 MAXVALUE -1 START WITH -1;

ALTER TABLE conversations ADD COLUMN arrival bigint;

UPDATE conversations c SET arrival = o.n
  FROM (SELECT org, id, row_number() OVER (ORDER BY created_at, id) AS n
          FROM conversations WHERE state <> 'closed') o
 WHERE c.org = o.org AND c.id = o.id;

SELECT setval('queue_arrivals', max(arrival)) FROM conversations
HAVING max(arrival) IS NOT NULL;

ALTER TABLE conversations ALTER COLUMN arrival SET DEFAULT nextval('queue_arrivals');
