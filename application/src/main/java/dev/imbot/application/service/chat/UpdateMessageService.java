package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.UpdateMessageCommand;
import dev.imbot.application.port.in.chat.UpdateMessageUseCase;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageChange;
import dev.imbot.domain.chat.MessageExtras;
import java.util.Optional;
import java.util.function.Function;

/**
 * Service: edits a message. Each extra sent is checked for access (the author, within the edit
 * window) and then for shape, in the order {@code ATTACH}, {@code KEYBOARD}, {@code MENU}, text; an
 * empty text deletes the message. Unlike Bitrix24, a failed check keeps nothing of the edit.
 */
public final class UpdateMessageService implements UpdateMessageUseCase {
  private final Messenger messenger;
  private final DeleteMessageService deletion;

  public UpdateMessageService(Messenger messenger) {
    this.messenger = messenger;
    this.deletion = new DeleteMessageService(messenger);
  }

  @Override
  public void update(UpdateMessageCommand command) {
    messenger.unitOfWork.run(
        () -> {
          apply(command);
          return null;
        });
  }

  private void apply(UpdateMessageCommand command) {
    ChatActor actor = command.actor();
    BotId keyboardBot = actor.bot() ? BotId.of(actor.user().value()) : null;
    Optional<Optional<String>> attach = extra(command, command.attach(), MessageExtras::attach);
    Optional<Optional<String>> keyboard =
        extra(command, command.keyboard(), tree -> MessageExtras.keyboard(tree, keyboardBot));
    Optional<Optional<String>> menu =
        extra(
            command,
            command.menu(),
            tree -> MessageExtras.menu(tree, ChatRejectionReason.MENU_INVALID_ON_UPDATE));
    if (command.text().isPresent()) {
      messenger.changeable(command.message(), actor);
      if (command.text().get().isEmpty()) {
        deletion.deleteNow(actor, command.message(), false);
        return;
      }
    }
    MessageChange change =
        new MessageChange(
            command.text(), attach, keyboard, menu, command.urlPreview(), command.markEdited());
    if (change.isEmpty()) {
      return;
    }
    Message message = messenger.changeable(command.message(), actor);
    Chat chat = messenger.chatOf(message);
    message.edit(change);
    messenger.messages.save(message);
    messenger.events.messageUpdated(
        chat,
        message,
        messenger.profileOf(actor, ChatRejectionReason.CANT_EDIT_MESSAGE),
        messenger.memberBots(chat, actor));
  }

  private Optional<Optional<String>> extra(
      UpdateMessageCommand command, Optional<Object> sent, Function<Object, String> shape) {
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    messenger.changeable(command.message(), command.actor());
    if (UpdateMessageCommand.removes(sent.get())) {
      return Optional.of(Optional.empty());
    }
    return Optional.of(Optional.of(shape.apply(sent.get())));
  }
}
