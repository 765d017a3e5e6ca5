-- A busy host's waiting line is refilled from its own backlog: its due pending deliveries in the
-- claim's order (due time, then id), read from the index's start without sorting the backlog.
CREATE INDEX event_delivery_host_due_idx
    ON event_delivery (status, handler_host, next_attempt_at, id);
