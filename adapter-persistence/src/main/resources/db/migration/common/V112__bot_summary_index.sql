-- Registration reads every bot of the application it locks (code, type, names, open lines), and
-- imbot.bot.list every bot: from this index alone, without fetching each row from the table,
-- where the bots of one application lie scattered among everybody's. On H2 that fetch was the
-- most expensive step of imbot.register once the table held some 100,000 bots.
CREATE INDEX bot_application_summary_idx
    ON bot (application_key, user_id, code, type, name, last_name, open_lines);
