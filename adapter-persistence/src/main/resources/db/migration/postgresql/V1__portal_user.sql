-- The portal's users, people and bots alike: one id space and one e-mail namespace.
-- H2 and PostgreSQL differ only in how a generated column is declared (H2 has no STORED keyword,
-- PostgreSQL requires it); everything else lives in ../common.
CREATE SEQUENCE portal_user_id_seq START WITH 1;

CREATE TABLE portal_user (
    id        BIGINT       NOT NULL PRIMARY KEY,
    kind      VARCHAR(6)   NOT NULL CONSTRAINT portal_user_kind_ck CHECK (kind IN ('PERSON', 'BOT')),
    email     VARCHAR(255),
    -- The address as it is compared (case ignored, spec decision 17), so the unique index below
    -- makes an address unique across people and bots.
    email_key VARCHAR(255) GENERATED ALWAYS AS (LOWER(email)) STORED,
    CONSTRAINT portal_user_id_kind_uq UNIQUE (id, kind)
);

CREATE UNIQUE INDEX portal_user_email_key_uq ON portal_user (email_key);
