package dev.imbot.application.service.command;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.command.AnswerCommandCommand;
import dev.imbot.application.port.in.command.AnswerCommandUseCase;
import dev.imbot.application.port.in.command.CommandAnswer;
import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.chat.Messenger;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.chat.MessageExtras;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.command.AnswerWindow;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Service: {@code imbot.command.answer}. Finds the command (by id, or by name among the caller's),
 * checks the message id, the text and the extras in Bitrix24's order, then posts the answer from
 * the command's bot into the chat of the command's message while the bot's answer window there is
 * open: as an ordinary message where the bot is a member, otherwise (or with {@code SYSTEM=Y}) as a
 * system message headed by the bot's name. After the window nothing is posted, the call succeeds,
 * and the log says so. An answer reaches no bot.
 */
public final class AnswerCommandService implements AnswerCommandUseCase {
  private static final System.Logger LOG = System.getLogger(AnswerCommandService.class.getName());

  private final SlashCommands commands;
  private final AnswerWindows windows;
  private final Messenger messenger;
  private final AnswerWindow window;

  public AnswerCommandService(
      SlashCommands commands, AnswerWindows windows, Messenger messenger, AnswerWindow window) {
    this.commands = commands;
    this.windows = windows;
    this.messenger = messenger;
    this.window = window;
  }

  @Override
  public CommandAnswer answer(AnswerCommandCommand command) {
    SlashCommand answered = answered(command);
    if (command.messageId() <= 0) {
      throw CommandRejection.refuse(CommandRejectionReason.MESSAGE_ID_EMPTY);
    }
    String text = command.message() == null ? "" : command.message().strip();
    if (text.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.MESSAGE_EMPTY);
    }
    MessageContent content =
        new MessageContent(
            text,
            command.attach() == null ? null : MessageExtras.attach(command.attach()),
            command.keyboard() == null
                ? null
                : MessageExtras.keyboard(command.keyboard(), answered.bot()),
            command.menu() == null
                ? null
                : MessageExtras.menu(command.menu(), ChatRejectionReason.MENU_INVALID),
            command.urlPreview());
    MessageId about = MessageId.of(command.messageId());
    return ConflictRetry.run(
        messenger.unitOfWork(),
        () -> post(answered, about, content, command.system()),
        ChatRejection.of(ChatRejectionReason.MESSAGE_NOT_ADDED));
  }

  private SlashCommand answered(AnswerCommandCommand command) {
    if (command.commandId() != null) {
      return OwnedCommand.require(commands, command.commandId(), command.application());
    }
    String name = command.command() == null ? "" : CommandName.normalised(command.command());
    Optional<SlashCommand> found = Optional.empty();
    if (!name.isEmpty() && name.length() <= CommandName.MAX_LENGTH) {
      found = commands.findOfApplication(command.application(), CommandName.of(name));
    }
    return found.orElseThrow(
        () -> CommandRejection.refuse(CommandRejectionReason.COMMAND_NOT_FOUND));
  }

  private CommandAnswer post(
      SlashCommand command, MessageId about, MessageContent content, boolean system) {
    Message message =
        messenger
            .messages()
            .find(about)
            .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.MESSAGE_NOT_ADDED));
    Chat chat =
        messenger
            .chats()
            .lock(message.chat())
            .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.MESSAGE_NOT_ADDED));
    Instant now = messenger.clock().instant();
    Optional<Instant> sent = windows.lastCommandSent(command.bot(), chat.id());
    if (sent.isEmpty() || !window.isOpen(sent.get(), now)) {
      LOG.log(
          System.Logger.Level.INFO,
          "imbot.command.answer to command {0} (/{1}) of bot {2} on message {3}: {4}; nothing"
              + " posted",
          command.id(),
          command.name(),
          command.bot(),
          about,
          sent.map(at -> "its answer window closed at " + window.closesAt(at))
              .orElse("no command of the bot was sent in chat " + chat.id()));
      return CommandAnswer.dropped();
    }
    UserId bot = command.bot().userId();
    boolean ordinary = chat.isMember(bot) && !system;
    MessageContent answer = ordinary ? content : headed(content, bot);
    MessageId id = messenger.messages().nextId();
    messenger.messages().save(Message.posted(id, chat.id(), bot, now, answer, !ordinary));
    return CommandAnswer.postedAs(id);
  }

  /** A system answer, headed by the bot's mention so readers see who answers. */
  private MessageContent headed(MessageContent content, UserId bot) {
    String name = messenger.user(bot).map(ChatUser::fullName).orElse("");
    return new MessageContent(
        "Answer from [USER=" + bot + "]" + name + "[/USER][BR]" + content.text(),
        content.attach(),
        content.keyboard(),
        content.menu(),
        content.urlPreview());
  }
}
