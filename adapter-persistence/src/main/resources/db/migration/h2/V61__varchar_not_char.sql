-- CHAR(n) columns become VARCHAR(n). Every value stored in them has exactly n characters, so no
-- value changes; but H2 pads CHAR values on read by copying the whole row for every column a
-- result set reads (ResultWithPaddedStrings), which made reads of many bots several times slower.
-- The same types on both databases keep the schema one.
ALTER TABLE bot ALTER COLUMN type SET DATA TYPE VARCHAR(1);
ALTER TABLE bot ALTER COLUMN gender SET DATA TYPE VARCHAR(1);
ALTER TABLE portal_user ALTER COLUMN gender SET DATA TYPE VARCHAR(1);
ALTER TABLE chat ALTER COLUMN chat_type SET DATA TYPE VARCHAR(1);
ALTER TABLE inbound_webhook ALTER COLUMN secret_hash SET DATA TYPE VARCHAR(64);
ALTER TABLE application ALTER COLUMN access_token_hash SET DATA TYPE VARCHAR(64);
ALTER TABLE application ALTER COLUMN client_secret_hash SET DATA TYPE VARCHAR(64);
ALTER TABLE oauth_token ALTER COLUMN token_hash SET DATA TYPE VARCHAR(64);
