-- PostgreSQL: the indexes the delivery worker reads hold only the rows it looks for (decision 179).
-- The due indexes hold pending rows only: a delivered row's update no longer adds entries to them,
-- and a claim reads an index of what is pending, not one that also keeps every finished row (and,
-- until the table is vacuumed, the entry of each row's pending version). The finished index holds
-- finished rows only (pruning's), so a lease's update adds none there. H2 has no partial indexes and
-- keeps the full ones.
DROP INDEX event_delivery_due_idx;
CREATE INDEX event_delivery_due_idx ON event_delivery (next_attempt_at, id) WHERE status = 'PENDING';
DROP INDEX event_delivery_host_due_idx;
CREATE INDEX event_delivery_host_due_idx
    ON event_delivery (handler_host, next_attempt_at, id) WHERE status = 'PENDING';
DROP INDEX event_delivery_finished_idx;
CREATE INDEX event_delivery_finished_idx
    ON event_delivery (status, finished_at) WHERE finished_at IS NOT NULL;
