-- Delivery ids come in blocks of 64 (docs/decisions.md, 163): each instance takes a block with one
-- nextval and hands its ids out itself, so the outbox row knows its id before it is written and
-- goes to the database with the unit of work's other held-back rows at the commit, instead of in a
-- round trip of its own to learn its generated id. The column's default takes a block too, so a
-- row written by hand never collides with an instance's ids.
CREATE SEQUENCE event_delivery_id_block START WITH 1 INCREMENT BY 64;
ALTER SEQUENCE event_delivery_id_block RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM event_delivery);
ALTER TABLE event_delivery ALTER COLUMN id DROP IDENTITY;
ALTER TABLE event_delivery ALTER COLUMN id SET DEFAULT nextval('event_delivery_id_block');
