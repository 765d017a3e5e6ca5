package dev.imbot.domain.command;

import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which registered commands a message, or a button press, calls. The rules, as Bitrix24 applies
 * them:
 *
 * <ol>
 *   <li>every line of a person's message of the form {@code /<command> <params>} is a candidate
 *       (the command runs to the first space; {@code params} is the rest of the line);
 *   <li>a candidate calls each registered command of that exact name that is available there: a
 *       {@code COMMON} command anywhere, another only in a private dialog with its bot or in a chat
 *       its bot is a member of;
 *   <li>in an open-line chat only commands of bots with Open Lines on are available;
 *   <li>a command called twice with the same params counts once, and a message calls at most
 *       {@value #MAX_CALLS} commands;
 *   <li>messages by bots and system messages call nothing.
 * </ol>
 */
public final class CommandRecognition {
  /** The most commands one message calls. */
  public static final int MAX_CALLS = 10;

  /** Bitrix24's chat entity for a live chat of Open Lines' widget: commands never run there. */
  static final String LIVE_CHAT_ENTITY = "LIVECHAT";

  private static final Pattern LINE = Pattern.compile("^/([^ \\r\\n]*) ?(.*)$", Pattern.MULTILINE);

  private CommandRecognition() {}

  /** A line that looks like a command: the name after the slash and the rest of the line. */
  public record Candidate(String name, String params) {}

  /** The command-like lines of {@code text}, in order. */
  public static List<Candidate> candidates(String text) {
    List<Candidate> found = new ArrayList<>();
    Matcher matcher = LINE.matcher(text);
    while (matcher.find()) {
      found.add(new Candidate(matcher.group(1), matcher.group(2)));
    }
    return found;
  }

  /**
   * The commands a message calls ({@code TEXTAREA}), in line order and, within a line, command id
   * order.
   *
   * @param author who wrote it
   * @param authorIsBot whether a bot wrote it (rule 5)
   * @param system whether it is a system message (rule 5)
   * @param registered the registered commands of a name, in id order
   */
  public static List<CommandCall> typed(
      Chat chat,
      UserId author,
      boolean authorIsBot,
      boolean system,
      String text,
      Function<CommandName, List<RegisteredCommand>> registered) {
    if (authorIsBot || system) {
      return List.of();
    }
    List<CommandCall> calls = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate candidate : candidates(text)) {
      Optional<CommandName> name = nameOf(candidate.name());
      if (name.isEmpty()) {
        continue;
      }
      for (RegisteredCommand command : registered.apply(name.get())) {
        if (!isAvailable(command, chat, author)
            || !seen.add(command.command().id() + "\u0000" + candidate.params())) {
          continue;
        }
        if (calls.size() == MAX_CALLS) {
          return calls;
        }
        calls.add(new CommandCall(command, candidate.params(), CommandContext.TEXTAREA));
      }
    }
    return calls;
  }

  /**
   * The command a button press calls ({@code KEYBOARD}): the command of that name of the button's
   * bot, where it is available to the person pressing.
   *
   * @param ofButtonsBot the button's bot's commands of the button's name (at most one)
   */
  public static List<CommandCall> pressed(
      Chat chat, UserId presser, String params, List<RegisteredCommand> ofButtonsBot) {
    return ofButtonsBot.stream()
        .filter(command -> isAvailable(command, chat, presser))
        .limit(1)
        .map(command -> new CommandCall(command, params, CommandContext.KEYBOARD))
        .toList();
  }

  /** Rules 2 and 3: whether {@code command} answers in {@code chat} for {@code user}. */
  public static boolean isAvailable(RegisteredCommand command, Chat chat, UserId user) {
    if (LIVE_CHAT_ENTITY.equals(chat.entityType())) {
      return false;
    }
    if (chat.isOpenLine() && !command.bot().servesOpenLines()) {
      return false;
    }
    if (command.command().common()) {
      return true;
    }
    if (chat.isPrivate()) {
      return chat.isMember(user)
          && chat.otherUser(user).equals(Optional.of(command.bot().userId()));
    }
    return chat.isMember(command.bot().userId());
  }

  private static Optional<CommandName> nameOf(String raw) {
    String name = CommandName.normalised(raw);
    if (name.isEmpty() || name.length() > CommandName.MAX_LENGTH * 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(CommandName.of(name));
    } catch (IllegalArgumentException tooLong) {
      return Optional.empty();
    }
  }
}
