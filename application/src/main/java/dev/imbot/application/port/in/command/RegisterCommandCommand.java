package dev.imbot.application.port.in.command;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;

/**
 * Command: register a slash command for a bot of the calling application ({@code
 * imbot.command.register}). The values are as sent; the use case checks them in Bitrix24's order.
 *
 * @param application the calling application
 * @param botId {@code BOT_ID}, null when absent
 * @param command {@code COMMAND}, null when absent
 * @param handler {@code EVENT_COMMAND_ADD}, null when absent
 * @param lang {@code LANG} as a parameter tree (maps with string keys, string leaves), null when
 *     absent
 * @param common {@code COMMON=Y}
 * @param hidden {@code HIDDEN=Y}
 * @param extranetSupport {@code EXTRANET_SUPPORT=Y}
 */
public record RegisterCommandCommand(
    @NotNull ApplicationKey application,
    String botId,
    String command,
    String handler,
    Object lang,
    boolean common,
    boolean hidden,
    boolean extranetSupport) {

  public RegisterCommandCommand {
    Commands.requireValid(
        RegisterCommandCommand.class,
        application,
        botId,
        command,
        handler,
        lang,
        common,
        hidden,
        extranetSupport);
  }
}
