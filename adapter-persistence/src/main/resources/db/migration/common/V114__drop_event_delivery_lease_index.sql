-- The index on lease_owner alone made PostgreSQL's generic plan for "WHERE id = ? AND lease_owner = ?"
-- (an attempt's verdict, a give-back, a parking) read every row the worker held, and every dead
-- version of one, instead of the primary key's one row: writing 256 outcomes took seconds once a
-- few thousand deliveries were held (decision 167). Leased rows are pending, so a release finds
-- them through event_delivery_due_idx instead.
DROP INDEX event_delivery_lease_idx;
