-- The events of the old one-event outbox (all ONIMBOTDELETE, data[BOT_ID] and data[BOT_CODE]) move
-- to event_delivery as pending deliveries, in their order. The JSON object is built by the
-- database so a code is escaped exactly; H2 and PostgreSQL spell that differently (json, not
-- jsonb, keeps the keys in order).
INSERT INTO event_delivery (application_key, event, handler_binding_id, handler_url, event_data,
                            created_at, next_attempt_at)
SELECT o.application_key,
       o.event,
       COALESCE((SELECT b.id FROM handler_binding b
                 WHERE b.application_key = o.application_key AND b.event = o.event), 0),
       o.handler_url,
       CAST(json_build_object('BOT_ID', CAST(o.bot_id AS VARCHAR(20)), 'BOT_CODE', o.bot_code) AS VARCHAR),
       o.created_at,
       o.created_at
FROM event_outbox o
ORDER BY o.id;

DROP TABLE event_outbox;
