package dev.imbot.domain.chat;

import static dev.imbot.domain.chat.TestChats.ANN;
import static dev.imbot.domain.chat.TestChats.APP;
import static dev.imbot.domain.chat.TestChats.BEN;
import static dev.imbot.domain.chat.TestChats.OTHER_APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageRoutingPolicyTest {
  private static final long BOT = 567;

  /** The routing matrix: bot type and Open Lines flag x chat kind x mentioned, by a person. */
  @ParameterizedTest(name = "type {0} openLines {1} in {2}, mentioned {3} -> hears {4}")
  @CsvSource({
    "B, false, P, true, true",
    "B, false, P, false, true",
    "B, false, C, true, true",
    "B, false, C, false, false",
    "B, false, O, true, true",
    "B, false, O, false, false",
    "B, false, L, true, false",
    "B, false, L, false, false",
    "H, false, P, true, true",
    "H, false, P, false, true",
    "H, false, C, true, true",
    "H, false, C, false, false",
    "H, false, O, true, true",
    "H, false, O, false, false",
    "H, false, L, true, false",
    "H, false, L, false, false",
    "S, false, P, true, true",
    "S, false, P, false, true",
    "S, false, C, true, true",
    "S, false, C, false, true",
    "S, false, O, true, true",
    "S, false, O, false, true",
    "S, false, L, true, false",
    "S, false, L, false, false",
    "O, true, P, true, true",
    "O, true, P, false, true",
    "O, true, C, true, true",
    "O, true, C, false, false",
    "O, true, O, true, true",
    "O, true, O, false, false",
    "O, true, L, true, true",
    "O, true, L, false, true",
    "B, true, P, true, true",
    "B, true, P, false, true",
    "B, true, C, true, true",
    "B, true, C, false, false",
    "B, true, O, true, true",
    "B, true, O, false, false",
    "B, true, L, true, true",
    "B, true, L, false, true",
    "H, true, P, true, true",
    "H, true, P, false, true",
    "H, true, C, true, true",
    "H, true, C, false, false",
    "H, true, O, true, true",
    "H, true, O, false, false",
    "H, true, L, true, true",
    "H, true, L, false, true"
  })
  void givenBotTypeChatKindAndMention_personWrites_botHearsPerTheMatrix(
      String type, boolean openLines, String chatKind, boolean mentioned, boolean hears) {
    MemberBot bot = TestChats.bot(BOT, APP, BotType.fromWire(type), openLines);
    Chat chat = chatOf(chatKind, bot);
    String text = mentioned ? "[USER=567]Bot[/USER] hello" : "hello";

    List<MessageRoutingPolicy.Recipients> recipients =
        MessageRoutingPolicy.recipients(chat, false, false, text, List.of(bot));

    if (hears) {
      assertThat(recipients)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.application()).isEqualTo(APP);
                assertThat(r.bots()).containsExactly(bot);
              });
    } else {
      assertThat(recipients).isEmpty();
    }
  }

  /** The same matrix written by a bot: nobody hears it. */
  @ParameterizedTest(name = "type {0} openLines {1} in {2}, mentioned {3}")
  @CsvSource({
    "B, false, P, true, true",
    "B, false, P, false, true",
    "B, false, C, true, true",
    "B, false, C, false, false",
    "B, false, O, true, true",
    "B, false, O, false, false",
    "B, false, L, true, false",
    "B, false, L, false, false",
    "H, false, P, true, true",
    "H, false, P, false, true",
    "H, false, C, true, true",
    "H, false, C, false, false",
    "H, false, O, true, true",
    "H, false, O, false, false",
    "H, false, L, true, false",
    "H, false, L, false, false",
    "S, false, P, true, true",
    "S, false, P, false, true",
    "S, false, C, true, true",
    "S, false, C, false, true",
    "S, false, O, true, true",
    "S, false, O, false, true",
    "S, false, L, true, false",
    "S, false, L, false, false",
    "O, true, P, true, true",
    "O, true, P, false, true",
    "O, true, C, true, true",
    "O, true, C, false, false",
    "O, true, O, true, true",
    "O, true, O, false, false",
    "O, true, L, true, true",
    "O, true, L, false, true",
    "B, true, P, true, true",
    "B, true, P, false, true",
    "B, true, C, true, true",
    "B, true, C, false, false",
    "B, true, O, true, true",
    "B, true, O, false, false",
    "B, true, L, true, true",
    "B, true, L, false, true",
    "H, true, P, true, true",
    "H, true, P, false, true",
    "H, true, C, true, true",
    "H, true, C, false, false",
    "H, true, O, true, true",
    "H, true, O, false, false",
    "H, true, L, true, true",
    "H, true, L, false, true"
  })
  void givenBotTypeChatKindAndMention_botWrites_noBotHears(
      String type, boolean openLines, String chatKind, boolean mentioned, boolean ignored) {
    MemberBot bot = TestChats.bot(BOT, APP, BotType.fromWire(type), openLines);
    Chat chat = chatOf(chatKind, bot);
    String text = mentioned ? "[USER=567]Bot[/USER] hello" : "hello";

    assertThat(MessageRoutingPolicy.recipients(chat, true, false, text, List.of(bot))).isEmpty();
  }

  @Test
  void givenSystemMessageInPrivateDialog_recipients_isEmpty() {
    MemberBot bot = TestChats.bot(BOT, APP, BotType.BOT, false);
    assertThat(
            MessageRoutingPolicy.recipients(
                TestChats.privateWith(ANN, bot), false, true, "hi", List.of(bot)))
        .isEmpty();
  }

  @Test
  void givenMentionInAnyCase_recipients_botHears() {
    MemberBot bot = TestChats.bot(BOT, APP, BotType.BOT, false);
    Chat chat = chatOf("C", bot);
    assertThat(
            MessageRoutingPolicy.recipients(
                chat, false, false, "[user=567]Bot[/user] hi", List.of(bot)))
        .hasSize(1);
  }

  @Test
  void givenMentionOfBotOutsideTheChat_recipients_isEmpty() {
    MemberBot bot = TestChats.bot(BOT, APP, BotType.BOT, false);
    Chat chat = TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN));
    assertThat(
            MessageRoutingPolicy.recipients(
                chat, false, false, "[USER=567]Bot[/USER] hi", List.of(bot)))
        .isEmpty();
  }

  @Test
  void givenTwoBotsOfOneApplicationAndOneOfAnother_recipients_oneEntryPerApplication() {
    MemberBot first = TestChats.bot(567, APP, BotType.BOT, false);
    MemberBot second = TestChats.bot(568, APP, BotType.SUPERVISOR, false);
    MemberBot foreign = TestChats.bot(569, OTHER_APP, BotType.BOT, false);
    MemberBot silent = TestChats.bot(570, OTHER_APP, BotType.BOT, false);
    Chat chat =
        TestChats.group(
            ChatType.GROUP,
            null,
            ANN,
            List.of(UserId.of(567), UserId.of(568), UserId.of(569), UserId.of(570)));

    List<MessageRoutingPolicy.Recipients> recipients =
        MessageRoutingPolicy.recipients(
            chat,
            false,
            false,
            "[USER=567]A[/USER], [USER=569]C[/USER] go",
            List.of(first, second, foreign, silent));

    assertThat(recipients)
        .containsExactly(
            new MessageRoutingPolicy.Recipients(APP, List.of(first, second)),
            new MessageRoutingPolicy.Recipients(OTHER_APP, List.of(foreign)));
  }

  private static Chat chatOf(String kind, MemberBot bot) {
    UserId botUser = bot.userId();
    return switch (kind) {
      case "P" -> TestChats.privateWith(ANN, bot);
      case "C" -> TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN, botUser));
      case "O" -> TestChats.group(ChatType.OPEN, null, ANN, List.of(BEN, botUser));
      case "L" -> TestChats.group(ChatType.GROUP, "LINES", ANN, List.of(botUser));
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
