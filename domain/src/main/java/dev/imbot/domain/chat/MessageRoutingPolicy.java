package dev.imbot.domain.chat;

import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which bots hear a message, and what they are told. The rules, as Bitrix24 applies them:
 *
 * <ol>
 *   <li>a message written by a bot, and a system message, reach no bot;
 *   <li>a private dialog: the bot in it, whatever its type;
 *   <li>a group or open chat: every member bot mentioned ({@code [USER=<id>]}, any case), and every
 *       member bot of type S, mentioned or not;
 *   <li>an open-line chat: every member bot with Open Lines on (type O always), no mention needed;
 *   <li>one event per application, naming all its recipient bots; an application with none gets
 *       nothing.
 * </ol>
 *
 * Edits route by the new text; deletions by the deleted message's own mentions. Slash commands are
 * matched before this policy and are not its business.
 */
public final class MessageRoutingPolicy {
  private MessageRoutingPolicy() {}

  /** The bots of one application that hear a message, in member order. */
  public record Recipients(ApplicationKey application, List<MemberBot> bots) {
    public Recipients {
      Objects.requireNonNull(application, "application");
      bots = List.copyOf(bots);
    }
  }

  /**
   * The recipients of a message {@code text} posted in {@code chat}.
   *
   * @param authorIsBot whether the author is a bot (rule 1)
   * @param system whether it is a system message (rule 1)
   * @param memberBots the bots among the chat's members
   */
  public static List<Recipients> recipients(
      Chat chat, boolean authorIsBot, boolean system, String text, List<MemberBot> memberBots) {
    if (authorIsBot || system) {
      return List.of();
    }
    List<MemberBot> hearing = new ArrayList<>();
    if (chat.isPrivate()) {
      hearing.addAll(memberBots);
    } else if (chat.isOpenLine()) {
      memberBots.stream().filter(MemberBot::servesOpenLines).forEach(hearing::add);
    } else {
      List<Long> mentioned = Mentions.ids(text);
      for (MemberBot bot : memberBots) {
        if (bot.type() == BotType.SUPERVISOR || mentioned.contains(bot.id().value())) {
          hearing.add(bot);
        }
      }
    }
    Map<ApplicationKey, List<MemberBot>> byApplication = new LinkedHashMap<>();
    for (MemberBot bot : hearing) {
      if (chat.isMember(bot.userId())) {
        byApplication.computeIfAbsent(bot.application(), a -> new ArrayList<>()).add(bot);
      }
    }
    List<Recipients> recipients = new ArrayList<>();
    byApplication.forEach((app, bots) -> recipients.add(new Recipients(app, bots)));
    return recipients;
  }

  /**
   * The text fields for {@code bot} hearing {@code text} by {@code author} in {@code chat}: raw in
   * a private dialog ({@code TO_USER_ID} the bot, {@code DIALOG_ID} the author), mentions stripped
   * in a chat ({@code TO_USER_ID} the first mention, {@code DIALOG_ID} {@code chat<ID>}).
   */
  public static MessageView view(Chat chat, UserId author, MemberBot bot, String text) {
    if (chat.isPrivate()) {
      String dialog = author == null ? bot.id().toString() : author.toString();
      return new MessageView(text, null, bot.id().value(), List.of(), dialog);
    }
    List<Long> mentioned = Mentions.ids(text).stream().distinct().toList();
    return new MessageView(
        Mentions.stripped(text), text, Mentions.first(text), mentioned, chat.id().dialogId());
  }
}
