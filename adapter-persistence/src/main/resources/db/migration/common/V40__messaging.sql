-- The messenger: chats, their members (with the history each sees) and messages. The same SQL for
-- H2 (in PostgreSQL mode) and PostgreSQL. Users are not foreign keys: a message outlives its
-- author, as in Bitrix24.
CREATE SEQUENCE chat_id_seq START WITH 1;
-- One sequence over all chats; a post locks its chat first, so ids grow in commit order per chat.
CREATE SEQUENCE message_id_seq START WITH 1;

CREATE TABLE chat (
    id           BIGINT PRIMARY KEY,
    chat_type    CHAR(1)                  NOT NULL
                 CONSTRAINT chat_type_ck CHECK (chat_type IN ('P', 'C', 'O')),
    title        VARCHAR(255),
    description  VARCHAR(4096),
    color        VARCHAR(32),
    owner_id     BIGINT                   NOT NULL,
    entity_type  VARCHAR(255),
    entity_id    VARCHAR(255),
    -- A private dialog's two users, lower id first; unique, so a pair has one dialog however many
    -- units of work open it at once. Both null for group-like chats.
    private_low  BIGINT,
    private_high BIGINT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_private_pair_uq UNIQUE (private_low, private_high),
    CONSTRAINT chat_private_ck CHECK ((chat_type = 'P') = (private_low IS NOT NULL AND private_high IS NOT NULL))
);
-- imbot.chat.get finds chats by their entity binding.
CREATE INDEX chat_entity_ix ON chat (entity_type, entity_id);

CREATE TABLE chat_member (
    chat_id      BIGINT NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL,
    join_order   INTEGER NOT NULL,
    -- The last message id hidden from the member (0: the whole history).
    hidden_up_to BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
-- A user's chats (membership checks read the primary key).
CREATE INDEX chat_member_user_ix ON chat_member (user_id);

CREATE TABLE message (
    id          BIGINT PRIMARY KEY,
    chat_id     BIGINT                   NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    -- Null for a system message (author_id 0 on the wire).
    author_id   BIGINT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    body        VARCHAR(20000)           NOT NULL,
    -- ATTACH, KEYBOARD and MENU as validated JSON text, at most 60,000 characters each.
    attach      VARCHAR(60000),
    keyboard    VARCHAR(60000),
    menu        VARCHAR(60000),
    is_system   BOOLEAN                  NOT NULL,
    url_preview BOOLEAN                  NOT NULL,
    edited      BOOLEAN                  NOT NULL,
    deleted     BOOLEAN                  NOT NULL,
    -- Who liked it, user ids comma-separated in order.
    likes       VARCHAR(8192) DEFAULT '' NOT NULL
);
-- A dialog's pages (newest first, before or after an id) and its last id read this index.
CREATE INDEX message_chat_id_ix ON message (chat_id, id);
