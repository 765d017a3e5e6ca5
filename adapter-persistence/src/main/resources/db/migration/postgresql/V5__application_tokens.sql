-- The application rows V4 could not place (left behind by applications the operator removed):
-- local, each with a random application token of 32 hex digits. H2 and PostgreSQL name their
-- random UUID function differently; the rest of this change is in ../common.
UPDATE application SET
    kind = 'LOCAL',
    client_id = application_key,
    application_token = REPLACE(CAST(gen_random_uuid() AS VARCHAR(36)), '-', '')
WHERE kind IS NULL;
