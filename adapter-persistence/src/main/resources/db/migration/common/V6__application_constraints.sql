-- Every application row is now placed (V4, V5): its kind and secrets are required from here on,
-- and client_application is gone.
ALTER TABLE application ALTER COLUMN kind SET NOT NULL;
ALTER TABLE application ALTER COLUMN client_id SET NOT NULL;
ALTER TABLE application ALTER COLUMN application_token SET NOT NULL;
ALTER TABLE application ADD CONSTRAINT application_kind_ck CHECK (kind IN ('LOCAL', 'WEBHOOK'));
-- Webhook-keyed applications call through the operator's inbound webhooks, never with a token.
ALTER TABLE application ADD CONSTRAINT application_access_token_ck
    CHECK (kind = 'LOCAL' OR (access_token_hash IS NULL AND access_token_expires_at IS NULL));

CREATE INDEX application_access_token_idx ON application (access_token_hash);

DROP TABLE client_application;
