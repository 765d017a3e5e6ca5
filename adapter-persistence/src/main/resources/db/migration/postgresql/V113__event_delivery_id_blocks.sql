-- Delivery ids come in blocks of 64 (docs/decisions.md, 163): each instance takes a block with one
-- nextval and hands its ids out itself, so the outbox row knows its id before it is written and
-- goes to the database with the unit of work's other held-back rows at the commit, instead of in a
-- round trip of its own to learn its generated id. Ids stay unique across instances (each block is
-- one instance's); they no longer follow creation order across instances. The column's default
-- takes a block too, so a row written by hand never collides with an instance's ids.
CREATE SEQUENCE event_delivery_id_block START WITH 1 INCREMENT BY 64;
SELECT setval('event_delivery_id_block', COALESCE((SELECT MAX(id) FROM event_delivery), 0) + 1, false);
ALTER TABLE event_delivery ALTER COLUMN id DROP IDENTITY;
ALTER TABLE event_delivery ALTER COLUMN id SET DEFAULT nextval('event_delivery_id_block');
