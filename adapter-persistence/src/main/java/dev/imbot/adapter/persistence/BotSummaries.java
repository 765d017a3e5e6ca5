package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import org.jdbi.v3.core.mapper.RowMapper;

/** The columns of the {@code bot} row a {@link BotSummary} needs, and their mapping. */
final class BotSummaries {
  /**
   * Maps a row by hand (decision 95), by position in {@link #COLUMNS}, straight to the summary:
   * {@code imbot.bot.list} maps every bot on each call, and a lookup by name costs the driver a
   * case conversion per column.
   */
  static final RowMapper<BotSummary> MAPPER =
      (rs, context) ->
          BotSummary.of(
              BotId.of(rs.getLong(1)),
              ApplicationKey.of(rs.getString(2)),
              BotCode.of(rs.getString(3)),
              botType(rs.getString(4)),
              rs.getString(5),
              rs.getString(6),
              rs.getBoolean(7));

  /** The selected columns, in the order {@link #MAPPER} reads them; queries select these first. */
  static final String COLUMNS = "user_id, application_key, code, type, name, last_name, open_lines";

  private static final BotType[] BOT_TYPES = BotType.values();

  private BotSummaries() {}

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
