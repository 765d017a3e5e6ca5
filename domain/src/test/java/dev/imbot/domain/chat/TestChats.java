package dev.imbot.domain.chat;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;

/** Chats, bots and messages for the chat context's tests. */
public final class TestChats {
  public static final Instant NOW = Instant.parse("2026-12-04T10:15:00Z");
  public static final UserId ANN = UserId.of(1);
  public static final UserId BEN = UserId.of(2);
  public static final ApplicationKey APP = ApplicationKey.of("local.app1");
  public static final ApplicationKey OTHER_APP = ApplicationKey.of("local.app2");

  private TestChats() {}

  public static MemberBot bot(long id, ApplicationKey app, BotType type, boolean openLines) {
    return new MemberBot(BotId.of(id), app, BotCode.of("bot" + id), type, openLines);
  }

  public static Chat privateWith(UserId person, MemberBot bot) {
    return Chat.privateDialog(ChatId.of(10), person, bot.userId(), NOW);
  }

  public static Chat group(ChatType type, String entityType, UserId owner, List<UserId> others) {
    return Chat.group(
        ChatId.of(20),
        type,
        new ChatDetails("Team", null, null, entityType, null),
        owner,
        others,
        NOW);
  }

  public static Message message(long id, UserId author, String text, Instant date) {
    return Message.posted(
        MessageId.of(id), ChatId.of(20), author, date, MessageContent.text(text), false);
  }
}
