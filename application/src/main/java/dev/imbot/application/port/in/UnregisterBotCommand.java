package dev.imbot.application.port.in;

import dev.imbot.domain.ApplicationKey;
import dev.imbot.domain.BotId;
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
