-- The bots of the deliveries recorded before delivery_bot existed: the ids in bot_ids
-- (comma-separated), and the BOT_ID an event's data names (ONIMBOTDELETE's deleted bot).
-- H2 splits the list with REGEXP_SUBSTR over a range; PostgreSQL spells the same differently.
INSERT INTO delivery_bot (bot_id, delivery_id)
SELECT DISTINCT CAST(REGEXP_SUBSTR(e.bot_ids, '[0-9]+', 1, r.n) AS BIGINT), e.id
FROM event_delivery e
JOIN SYSTEM_RANGE(1, 512) AS r(n) ON REGEXP_SUBSTR(e.bot_ids, '[0-9]+', 1, r.n) IS NOT NULL
WHERE e.bot_ids IS NOT NULL;

INSERT INTO delivery_bot (bot_id, delivery_id)
SELECT CAST(REGEXP_SUBSTR(e.event_data, '^\{"BOT_ID" *: *"([0-9]+)"', 1, 1, '', 1) AS BIGINT), e.id
FROM event_delivery e
WHERE REGEXP_SUBSTR(e.event_data, '^\{"BOT_ID" *: *"([0-9]+)"', 1, 1, '', 1) IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM delivery_bot b
      WHERE b.delivery_id = e.id
        AND b.bot_id = CAST(REGEXP_SUBSTR(e.event_data, '^\{"BOT_ID" *: *"([0-9]+)"', 1, 1, '', 1) AS BIGINT));
