-- A busy host's waiting line is refilled from its own backlog: its due pending deliveries, oldest
-- first, found without walking the other hosts' rows.
CREATE INDEX event_delivery_host_due_idx ON event_delivery (status, handler_host, next_attempt_at);
