package dev.imbot.application.contract;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.service.chat.ChatEvents;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageRoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double of {@link ChatEvents}: writes down, in order, what the services asked to record, with
 * the recipients the routing policy gives, as short lines such as {@code join P 5 by 1} or {@code
 * add 3 to app.alpha[5]}.
 */
public final class RecordingChatEvents implements ChatEvents {
  private final List<String> lines = new ArrayList<>();

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized void privateDialogOpened(Chat dialog, ChatUser person, MemberBot bot) {
    lines.add("join P " + bot.id() + " by " + person.id());
  }

  @Override
  public synchronized void botsJoined(
      Chat chat, ChatUser actor, List<MemberBot> bots, boolean seesHistory) {
    for (MemberBot bot : bots) {
      lines.add(
          "join "
              + chat.type().letter()
              + " "
              + bot.id()
              + " by "
              + actor.id()
              + (seesHistory ? " history" : " no-history"));
    }
  }

  @Override
  public synchronized void messageAdded(
      Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {
    lines.add("add " + message.id() + routed(chat, message.text(), author, message, memberBots));
  }

  @Override
  public synchronized void messageUpdated(
      Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {
    lines.add("update " + message.id() + routed(chat, message.text(), author, message, memberBots));
  }

  @Override
  public synchronized void messageDeleted(
      Chat chat, Message message, String original, ChatUser author, List<MemberBot> memberBots) {
    lines.add("delete " + message.id() + routed(chat, original, author, message, memberBots));
  }

  private static String routed(
      Chat chat, String text, ChatUser author, Message message, List<MemberBot> bots) {
    StringBuilder out = new StringBuilder();
    for (MessageRoutingPolicy.Recipients r :
        MessageRoutingPolicy.recipients(chat, author.bot(), message.isSystem(), text, bots)) {
      out.append(" to ")
          .append(r.application())
          .append(r.bots().stream().map(b -> b.id()).toList());
    }
    return out.toString();
  }
}
