package dev.imbot.application.port.in.bot;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Command: register a bot for an application. Holds the request's raw values as they came off the
 * wire; the use case checks them in the documented order, so a bad value is a Bitrix24 rejection,
 * not a malformed command.
 *
 * @param application the calling application (already resolved from auth / {@code CLIENT_ID})
 * @param code raw {@code CODE}
 * @param type raw {@code TYPE}, null when not sent
 * @param openLine raw {@code OPENLINE}, null when not sent
 * @param eventHandler raw {@code EVENT_HANDLER}, null when not sent
 * @param handlers raw {@code EVENT_*} values by event (empty when none)
 * @param properties raw {@code PROPERTIES} by upper-case key, null when not sent
 */
public record RegisterBotCommand(
    @NotNull ApplicationKey application,
    String code,
    String type,
    String openLine,
    String eventHandler,
    @NotNull Map<@NotNull BotEvent, String> handlers,
    Map<@NotNull String, String> properties) {

  public RegisterBotCommand {
    Commands.requireValid(
        RegisterBotCommand.class,
        application,
        code,
        type,
        openLine,
        eventHandler,
        handlers,
        properties);
    handlers = Commands.copyOfSent(handlers);
    properties = properties == null ? null : Commands.copyOfSent(properties);
  }
}
