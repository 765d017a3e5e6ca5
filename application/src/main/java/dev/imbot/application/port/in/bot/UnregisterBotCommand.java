package dev.imbot.application.port.in.bot;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;

/**
 * Command: delete one of the calling application's bots ({@code imbot.unregister}).
 *
 * @param application the calling application
 * @param botId the bot to delete ({@code BOT_ID}, already parsed)
 */
public record UnregisterBotCommand(@NotNull ApplicationKey application, @NotNull BotId botId) {

  public UnregisterBotCommand {
    Commands.requireValid(UnregisterBotCommand.class, application, botId);
  }
}
