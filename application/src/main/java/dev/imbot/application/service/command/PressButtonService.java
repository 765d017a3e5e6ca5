package dev.imbot.application.service.command;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.command.PressButtonCommand;
import dev.imbot.application.port.in.command.PressButtonUseCase;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.chat.Messenger;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;

/**
 * Service: {@code im.message.command}. The person must be in the chat of the message, and the
 * message must carry the button (its bot, command and params); the button's command then goes out
 * as {@code ONIMCOMMANDADD} with {@code COMMAND_CONTEXT=KEYBOARD} and the keyboard's message id,
 * under the chat's lock.
 */
public final class PressButtonService implements PressButtonUseCase {
  private final Messenger messenger;
  private final CommandDispatcher dispatcher;

  public PressButtonService(Messenger messenger, CommandDispatcher dispatcher) {
    this.messenger = messenger;
    this.dispatcher = dispatcher;
  }

  @Override
  public void press(PressButtonCommand command) {
    ConflictRetry.run(
        messenger.unitOfWork(),
        () -> {
          Message message = messenger.messages().find(command.message()).orElseThrow(this::refused);
          Chat chat =
              messenger
                  .chats()
                  .lock(message.chat())
                  .filter(c -> c.isMember(command.person()))
                  .orElseThrow(this::refused);
          if (!message.hasCommandButton(command.bot(), command.command(), command.params())) {
            throw refused();
          }
          ChatUser person = messenger.user(command.person()).orElseThrow(this::refused);
          dispatcher.pressed(
              chat, message, person, command.bot(), command.command(), command.params());
          return null;
        },
        CommandRejection.of(CommandRejectionReason.BUTTON_NOT_FOUND));
  }

  private RuntimeException refused() {
    return CommandRejection.refuse(CommandRejectionReason.BUTTON_NOT_FOUND);
  }
}
