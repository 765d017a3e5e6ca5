package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.command.PressButtonCommand;
import dev.imbot.application.port.in.command.PressButtonUseCase;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import jakarta.inject.Singleton;

/**
 * REST method {@code im.message.command}: a person presses a keyboard button that carries a
 * command; answers {@code true}. {@code MESSAGE_ID} (or {@code ID}), {@code BOT_ID} and {@code
 * COMMAND} are checked in that order, as Bitrix24 does.
 */
@Singleton
public final class ImMessageCommandMethod implements BitrixMethod {
  private final PressButtonUseCase press;

  public ImMessageCommandMethod(PressButtonUseCase press) {
    this.press = press;
  }

  @Override
  public String name() {
    return "im.message.command";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    MessageId message = ChatParameters.messageId(call, true);
    long bot = ChatParameters.intval(ChatParameters.text(call, "BOT_ID"));
    if (bot <= 0) {
      throw CommandRejection.refuse(CommandRejectionReason.BOT_ID_EMPTY);
    }
    String command = ChatParameters.text(call, "COMMAND");
    if (command == null || command.isEmpty()) {
      throw CommandRejection.refuse(CommandRejectionReason.COMMAND_EMPTY);
    }
    String params = ChatParameters.text(call, "COMMAND_PARAMS");
    press.press(
        new PressButtonCommand(
            ChatParameters.user(call),
            message,
            BotId.of(bot),
            command,
            params == null ? "" : params));
    return MethodResult.of(true);
  }
}
