package dev.imbot.application.port.in.bot;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/**
 * Command: change a bot's code, profile or the application's handlers ({@code imbot.update}). The
 * {@code FIELDS} values are raw wire values, checked by the use case in the documented order.
 *
 * @param application the calling application
 * @param botId the bot to change ({@code BOT_ID}, already parsed)
 * @param code raw {@code FIELDS[CODE]}, null when not sent
 * @param eventHandler raw {@code FIELDS[EVENT_HANDLER]}, null when not sent
 * @param handlers raw {@code FIELDS[EVENT_*]} by event (empty when none)
 * @param properties raw {@code FIELDS[PROPERTIES]} by upper-case key, null when not sent; a key
 *     sent with an empty value is kept, since it clears the field
 */
public record UpdateBotCommand(
    @NotNull ApplicationKey application,
    @NotNull BotId botId,
    String code,
    String eventHandler,
    @NotNull Map<@NotNull BotEvent, String> handlers,
    Map<@NotNull String, String> properties) {

  public UpdateBotCommand {
    Commands.requireValid(
        UpdateBotCommand.class, application, botId, code, eventHandler, handlers, properties);
    handlers = Commands.copyOfSent(handlers);
    properties = properties == null ? null : Map.copyOf(nullsAsBlank(properties));
  }

  private static Map<String, String> nullsAsBlank(Map<String, String> properties) {
    HashMap<String, String> copy = new HashMap<>();
    properties.forEach((key, value) -> copy.put(key, value == null ? "" : value));
    return copy;
  }
}
