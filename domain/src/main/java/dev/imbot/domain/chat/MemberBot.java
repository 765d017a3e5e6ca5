package dev.imbot.domain.chat;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * A bot as message routing sees it: whose it is, its type and Open Lines flag.
 *
 * @param id the bot
 * @param application its application
 * @param code its code ({@code BOT_CODE})
 * @param type its type
 * @param openLines whether it serves Open Lines ({@code OPENLINE=Y})
 */
public record MemberBot(
    BotId id, ApplicationKey application, BotCode code, BotType type, boolean openLines) {

  public MemberBot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
  }

  /** The bot as routing sees it. */
  public static MemberBot of(Bot bot) {
    return new MemberBot(bot.id(), bot.application(), bot.code(), bot.type(), bot.openLines());
  }

  /** The bot as a portal user: the same number. */
  public UserId userId() {
    return UserId.of(id.value());
  }

  /** Whether it hears open-line chats: Open Lines on, which type O always has. */
  public boolean servesOpenLines() {
    return openLines || type == BotType.OPEN_LINES;
  }
}
