-- One "application" concept instead of two tables: every application, local (its key is its client
-- id) or webhook-keyed (key custom<CLIENT_ID>), gets its row in application with its secrets; the
-- rows of client_application move in. The same SQL for H2 (in PostgreSQL mode) and PostgreSQL.
ALTER TABLE application ADD COLUMN kind VARCHAR(7);
ALTER TABLE application ADD COLUMN client_id VARCHAR(256);
-- Sent to the application's handlers as auth[application_token]; kept as is, since handlers compare
-- it. A webhook-keyed application's is its CLIENT_ID, as Bitrix24's server sends it.
ALTER TABLE application ADD COLUMN application_token VARCHAR(256);
-- Only the hash of the operator-issued access token, as before.
ALTER TABLE application ADD COLUMN access_token_hash CHAR(64);
ALTER TABLE application ADD COLUMN access_token_expires_at TIMESTAMP WITH TIME ZONE;

-- Client applications that never owned a bot or a binding had no application row.
INSERT INTO application (application_key)
    SELECT c.application_key FROM client_application c
    WHERE NOT EXISTS (SELECT 1 FROM application a WHERE a.application_key = c.application_key);

UPDATE application SET
    kind = 'LOCAL',
    client_id = application_key,
    application_token = (SELECT c.application_token FROM client_application c
                         WHERE c.application_key = application.application_key),
    access_token_hash = (SELECT c.access_token_hash FROM client_application c
                         WHERE c.application_key = application.application_key),
    access_token_expires_at = (SELECT c.access_token_expires_at FROM client_application c
                               WHERE c.application_key = application.application_key)
WHERE application_key IN (SELECT application_key FROM client_application);

-- custom<CLIENT_ID>: webhook-keyed ('custom_%' needs at least one character after the prefix).
UPDATE application SET
    kind = 'WEBHOOK',
    client_id = SUBSTRING(application_key FROM 7),
    application_token = SUBSTRING(application_key FROM 7)
WHERE kind IS NULL AND application_key LIKE 'custom_%';

-- What is left (applications the operator removed, whose rows stayed behind as locks) becomes
-- local with a random application token in V5, whose random function differs per database.
