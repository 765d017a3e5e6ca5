-- The bots of the deliveries recorded before delivery_bot existed: the ids in bot_ids
-- (comma-separated), and the BOT_ID an event's data names (ONIMBOTDELETE's deleted bot).
INSERT INTO delivery_bot (bot_id, delivery_id)
SELECT DISTINCT CAST(b.id AS BIGINT), e.id
FROM event_delivery e, unnest(string_to_array(e.bot_ids, ',')) AS b(id)
WHERE e.bot_ids IS NOT NULL AND b.id ~ '^[0-9]+$';

INSERT INTO delivery_bot (bot_id, delivery_id)
SELECT CAST(substring(e.event_data from '^\{"BOT_ID" *: *"([0-9]+)"') AS BIGINT), e.id
FROM event_delivery e
WHERE substring(e.event_data from '^\{"BOT_ID" *: *"([0-9]+)"') IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM delivery_bot b
      WHERE b.delivery_id = e.id
        AND b.bot_id = CAST(substring(e.event_data from '^\{"BOT_ID" *: *"([0-9]+)"') AS BIGINT));
