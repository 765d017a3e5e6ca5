-- Which deliveries each message caused (its add, update and delete events), written in the unit of
-- work that records them: the console shows them beside the message. No foreign keys, as for the
-- outbox: a pruned delivery or a message deleted completely leaves a link that joins to nothing.
-- The same SQL for H2 (in PostgreSQL mode) and PostgreSQL.
CREATE TABLE message_delivery (
    message_id  BIGINT NOT NULL,
    delivery_id BIGINT NOT NULL,
    PRIMARY KEY (message_id, delivery_id)
);
