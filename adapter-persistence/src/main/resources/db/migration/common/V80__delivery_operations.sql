-- What the operator sees of deliveries (docs/delivery.md, "Seen by the operator"): when a
-- delivery finished (retention counts from there), how often it was replayed and which series
-- each attempt belongs to, and the bots each event concerns. The same SQL for H2 and PostgreSQL.

-- When it was delivered or went dead; NULL while pending. Rows finished before this column
-- existed kept the start of their last attempt in next_attempt_at.
ALTER TABLE event_delivery ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
UPDATE event_delivery SET finished_at = next_attempt_at WHERE status <> 'PENDING';
ALTER TABLE event_delivery ADD CONSTRAINT event_delivery_finished_ck
    CHECK ((status = 'PENDING') = (finished_at IS NULL));
-- Each replay starts a new series of attempts (numbered from 1 again).
ALTER TABLE event_delivery ADD COLUMN replays INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE delivery_attempt ADD COLUMN series INTEGER DEFAULT 1 NOT NULL;

-- Pruning: finished deliveries by status, oldest first.
CREATE INDEX event_delivery_finished_idx ON event_delivery (status, finished_at);
-- Handler health: the attempts of the last hour.
CREATE INDEX delivery_attempt_started_idx ON delivery_attempt (started_at);

-- The bots an event concerns (the blocks its body carries, or the deleted bot), so the operator
-- finds a bot's deliveries through an index. No foreign keys, as for event_delivery: the bot may be
-- gone. Pruning deletes these rows with their delivery.
CREATE TABLE delivery_bot (
    bot_id      BIGINT NOT NULL,
    delivery_id BIGINT NOT NULL,
    CONSTRAINT delivery_bot_pk PRIMARY KEY (bot_id, delivery_id)
);
CREATE INDEX delivery_bot_delivery_idx ON delivery_bot (delivery_id);
