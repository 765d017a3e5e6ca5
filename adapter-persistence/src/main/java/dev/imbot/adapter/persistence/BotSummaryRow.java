package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import org.jdbi.v3.core.mapper.RowMapper;

/** The columns of the {@code bot} row a {@link BotSummary} needs, and nothing else. */
public record BotSummaryRow(
    long userId,
    String applicationKey,
    String code,
    String type,
    String name,
    String lastName,
    boolean openLines) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<BotSummaryRow> MAPPER =
      (rs, context) ->
          new BotSummaryRow(
              rs.getLong("user_id"),
              rs.getString("application_key"),
              rs.getString("code"),
              rs.getString("type"),
              rs.getString("name"),
              rs.getString("last_name"),
              rs.getBoolean("open_lines"));

  static final String COLUMNS = "user_id, application_key, code, type, name, last_name, open_lines";

  private static final BotType[] BOT_TYPES = BotType.values();

  BotSummary toSummary() {
    return BotSummary.of(
        BotId.of(userId),
        ApplicationKey.of(applicationKey),
        BotCode.of(code),
        botType(type),
        name,
        lastName,
        openLines);
  }

  /** The type a stored letter stands for; an unknown one is a broken row, not a request. */
  static BotType botType(String letter) {
    for (BotType type : BOT_TYPES) {
      if (type.letter().equals(letter)) {
        return type;
      }
    }
    throw new IllegalStateException("unknown stored bot type " + letter);
  }
}
