package dev.imbot.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.MessageExtras.CommandButton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command buttons of a stored keyboard, read back from its JSON. */
class CommandButtonsTest {
  private static final BotId ECHO = BotId.of(567);

  private static Map<String, Object> button(String text, String command, String params) {
    Map<String, Object> button = new LinkedHashMap<>();
    button.put("TEXT", text);
    button.put("COMMAND", command);
    if (params != null) {
      button.put("COMMAND_PARAMS", params);
    }
    return button;
  }

  private static Map<String, Object> list(Object... items) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < items.length; i++) {
      list.put(String.valueOf(i), items[i]);
    }
    return list;
  }

  private static Message withKeyboard(String keyboard) {
    return Message.posted(
        MessageId.of(1),
        ChatId.of(10),
        ECHO.userId(),
        TestChats.NOW,
        new MessageContent("Pick one", null, keyboard, null, true),
        false);
  }

  @Test
  void givenBotsKeyboard_commandButtons_readsEveryCommandButtonBack() {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("TEXT", "Docs");
    link.put("LINK", "https://example.com/\"quoted\"\npath");
    String keyboard =
        MessageExtras.keyboard(
            list(
                button("Page 2", "/echoList", "page 2"),
                Map.of("TYPE", "NEWLINE"),
                link,
                button("Help", "help", null)),
            ECHO);

    assertThat(MessageExtras.commandButtons(keyboard))
        .containsExactly(
            new CommandButton("567", "echoList", "page 2"), new CommandButton("567", "help", ""));
  }

  @Test
  void givenButton_hasCommandButton_needsItsCommandParamsAndBot() {
    Message message =
        withKeyboard(MessageExtras.keyboard(list(button("Two", "echoList", "page 2")), ECHO));

    assertThat(message.hasCommandButton(ECHO, "echoList", "page 2")).isTrue();
    assertThat(message.hasCommandButton(ECHO, "/echoList", "page 2")).isTrue();
    assertThat(message.hasCommandButton(ECHO, "echoList", "page 3")).isFalse();
    assertThat(message.hasCommandButton(ECHO, "echo", "page 2")).isFalse();
    assertThat(message.hasCommandButton(BotId.of(568), "echoList", "page 2")).isFalse();
  }

  @Test
  void givenPersonsKeyboard_hasCommandButton_acceptsAnyBot() {
    Message message = withKeyboard(MessageExtras.keyboard(list(button("Go", "go", null)), null));

    assertThat(message.hasCommandButton(BotId.of(99), "go", "")).isTrue();
  }

  @Test
  void givenNoKeyboard_commandButtons_isEmpty() {
    assertThat(MessageExtras.commandButtons(null)).isEmpty();
    assertThat(withKeyboard(null).hasCommandButton(ECHO, "go", "")).isFalse();
  }

  @Test
  void givenJsonWithEscapesAndScalars_fromJson_readsItBack() {
    Object tree = Tree.fromJson(" {\"a\":[\"x\\u0041\\t\",null,12,true],\"b\":{}} ");
    assertThat(Tree.toJson(tree)).isEqualTo("{\"a\":[\"xA\\t\",null,\"12\",\"true\"],\"b\":{}}");
    assertThatThrownBy(() -> Tree.fromJson("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tree.fromJson("[1] x")).isInstanceOf(IllegalArgumentException.class);
  }
}
