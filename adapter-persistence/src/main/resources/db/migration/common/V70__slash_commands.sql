-- Slash commands (imbot.command.*): the commands bots register, their titles, the command handler
-- binding, and when each bot was last sent a command in each chat (its answer window). The same SQL
-- for H2 (in PostgreSQL mode) and PostgreSQL. Text columns hold twice the domain's limits (V2).

-- The command handler is one more handler binding per application: ONIMCOMMANDADD.
ALTER TABLE handler_binding DROP CONSTRAINT handler_binding_event_ck;
ALTER TABLE handler_binding ADD CONSTRAINT handler_binding_event_ck CHECK (event IN (
    'ONIMBOTMESSAGEADD', 'ONIMBOTMESSAGEUPDATE', 'ONIMBOTMESSAGEDELETE',
    'ONIMBOTJOINCHAT', 'ONIMBOTDELETE', 'ONIMCOMMANDADD'));

CREATE SEQUENCE slash_command_id_seq START WITH 1;

-- A bot's commands go with the bot (the cascade), so with its application too.
CREATE TABLE slash_command (
    id               BIGINT       NOT NULL CONSTRAINT slash_command_pk PRIMARY KEY,
    bot_id           BIGINT       NOT NULL CONSTRAINT slash_command_bot_fk
                                      REFERENCES bot (user_id) ON DELETE CASCADE,
    application_key  VARCHAR(256) NOT NULL,
    command          VARCHAR(510) NOT NULL,
    common           BOOLEAN      NOT NULL,
    hidden           BOOLEAN      NOT NULL,
    extranet_support BOOLEAN      NOT NULL,
    -- One command of a name per bot: the last line of defence behind the application's lock.
    CONSTRAINT slash_command_bot_command_uq UNIQUE (bot_id, command)
);
-- Recognition looks commands up by name for every command line of a message.
CREATE INDEX slash_command_command_ix ON slash_command (command);
-- imbot.command.answer finds the caller's command by name.
CREATE INDEX slash_command_application_ix ON slash_command (application_key, command);

CREATE TABLE slash_command_translation (
    command_id  BIGINT       NOT NULL CONSTRAINT slash_command_translation_command_fk
                                 REFERENCES slash_command (id) ON DELETE CASCADE,
    language_id VARCHAR(20)  NOT NULL,
    position    INTEGER      NOT NULL,
    title       VARCHAR(510) NOT NULL,
    params      VARCHAR(510) NOT NULL,
    CONSTRAINT slash_command_translation_pk PRIMARY KEY (command_id, language_id)
);

-- The last time a command of the bot was sent in the chat: its answer window there.
CREATE TABLE command_answer_window (
    bot_id  BIGINT                   NOT NULL CONSTRAINT command_answer_window_bot_fk
                                         REFERENCES bot (user_id) ON DELETE CASCADE,
    chat_id BIGINT                   NOT NULL CONSTRAINT command_answer_window_chat_fk
                                         REFERENCES chat (id) ON DELETE CASCADE,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT command_answer_window_pk PRIMARY KEY (bot_id, chat_id)
);
