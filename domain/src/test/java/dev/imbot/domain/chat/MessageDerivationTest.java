package dev.imbot.domain.chat;

import static dev.imbot.domain.chat.TestChats.ANN;
import static dev.imbot.domain.chat.TestChats.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MESSAGE, MESSAGE_ORIGINAL, TO_USER_ID, MENTIONED_LIST and DIALOG_ID, from Bitrix24's examples.
 */
class MessageDerivationTest {
  private final MemberBot bot = TestChats.bot(567, APP, BotType.BOT, false);
  private final Chat group =
      TestChats.group(ChatType.GROUP, null, ANN, List.of(UserId.of(27), UserId.of(567)));

  @Test
  void givenMentionThenSpaceComma_view_keepsTheCommaBecauseOnlyAnAdjacentOneIsEaten() {
    String raw = "[USER=567]NewBot[/USER] , как настроить левое меню";
    MessageView view = MessageRoutingPolicy.view(group, ANN, bot, raw);
    assertThat(view.message()).isEqualTo(", как настроить левое меню");
    assertThat(view.messageOriginal()).isEqualTo(raw);
    assertThat(view.toUserId()).isEqualTo(567);
    assertThat(view.mentioned()).containsExactly(567L);
    assertThat(view.dialogId()).isEqualTo("chat20");
  }

  @Test
  void givenMentionThenAdjacentComma_view_eatsTheCommaAndTrims() {
    MessageView view =
        MessageRoutingPolicy.view(group, ANN, bot, "[USER=571]NewBot[/USER], оформи список задач");
    assertThat(view.message()).isEqualTo("оформи список задач");
    assertThat(view.toUserId()).isEqualTo(571);
  }

  @Test
  void givenPersonMentionedBeforeTheBot_view_stripsEveryMentionAndPointsToUserAtThePerson() {
    MessageView view =
        MessageRoutingPolicy.view(
            group, ANN, bot, "ask [USER=27]Ann[/USER] and [USER=567]Bot[/USER]");
    assertThat(view.message()).isEqualTo("ask  and");
    assertThat(view.toUserId()).isEqualTo(27);
    assertThat(view.mentioned()).containsExactly(27L, 567L);
  }

  @Test
  void givenLowerCaseMention_view_detectsItButDoesNotStripIt() {
    MessageView view = MessageRoutingPolicy.view(group, ANN, bot, "[user=567]Bot[/user] hi");
    assertThat(view.toUserId()).isEqualTo(567);
    assertThat(view.message()).isEqualTo("[user=567]Bot[/user] hi");
    assertThat(view.mentioned()).containsExactly(567L);
  }

  @Test
  void givenMentionWithEmptyName_view_detectsItButDoesNotStripIt() {
    MessageView view = MessageRoutingPolicy.view(group, ANN, bot, "[USER=567][/USER] hi");
    assertThat(view.toUserId()).isEqualTo(567);
    assertThat(view.message()).isEqualTo("[USER=567][/USER] hi");
  }

  @Test
  void givenNoMention_view_hasToUserIdZeroAndMessageEqualToTheOriginalTrimmed() {
    MessageView view = MessageRoutingPolicy.view(group, ANN, bot, "  hello all \n");
    assertThat(view.toUserId()).isZero();
    assertThat(view.message()).isEqualTo("hello all");
    assertThat(view.messageOriginal()).isEqualTo("  hello all \n");
    assertThat(view.mentioned()).isEmpty();
  }

  @Test
  void givenPrivateDialog_view_isRawWithTheBotAsToUserAndTheAuthorAsDialog() {
    Chat dialog = TestChats.privateWith(UserId.of(27), bot);
    MessageView view =
        MessageRoutingPolicy.view(dialog, UserId.of(27), bot, " [USER=3]X[/USER], Привет ");
    assertThat(view.message()).isEqualTo(" [USER=3]X[/USER], Привет ");
    assertThat(view.messageOriginal()).isNull();
    assertThat(view.toUserId()).isEqualTo(567);
    assertThat(view.mentioned()).isEmpty();
    assertThat(view.dialogId()).isEqualTo("27");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[USER=5]A[/USER],[USER=6]B[/USER], x | x",
        "[USER=5]A[/USER],,x | ,x",
        "a[USER=5]A[/USER]b | ab",
        "[USER=5]multi word[/USER] tail | tail"
      })
  void givenMentions_stripped_removesThemWithOneAdjacentComma(String raw, String expected) {
    assertThat(Mentions.stripped(raw)).isEqualTo(expected);
  }
}
