package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.adapter.console.view.KeyboardButton.Kind;
import dev.imbot.adapter.console.view.KeyboardButton.Press;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.MessageExtras;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ATTACH} blocks and {@code KEYBOARD} buttons as the Chat page renders them, from the JSON
 * the messenger stores (made here by the messenger's own normalisation).
 */
class MessageExtrasViewTest {

  /** A list as the parameter trees hold it: a map keyed 0, 1, … */
  private static Map<String, Object> list(Object... items) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < items.length; i++) {
      list.put(String.valueOf(i), items[i]);
    }
    return list;
  }

  private static Map<String, Object> map(String... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void givenEveryBlockKind_attach_rendersEachEscaped() {
    String json =
        MessageExtras.attach(
            list(
                Map.of("MESSAGE", "[b]Order[/b] <shipped>"),
                Map.of(
                    "LINK", map("NAME", "Track it", "LINK", "https://example.com/t", "DESC", "d")),
                Map.of("USER", map("NAME", "Ann <Lee>")),
                Map.of(
                    "GRID",
                    list(map("NAME", "Colour", "VALUE", "RED"), map("NAME", "N", "VALUE", "2"))),
                Map.of("IMAGE", map("NAME", "Photo", "LINK", "https://example.com/p.png")),
                Map.of("DELIMITER", map("SIZE", "200", "COLOR", "#c6c6c6"))));

    String html = AttachBlocks.toHtml(json);

    assertThat(html)
        .startsWith("<div class=\"attach\">")
        .contains("<p class=\"attach-message\"><strong>Order</strong> &lt;shipped&gt;</p>")
        .contains(
            "<a href=\"https://example.com/t\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "Track it</a>")
        .contains("<p class=\"attach-user\">Ann &lt;Lee&gt;</p>")
        .contains("<dt>Colour</dt><dd>RED</dd>")
        .contains("<p class=\"attach-image\"><a href=\"https://example.com/p.png\"")
        .contains("<hr class=\"attach-delimiter\">")
        .doesNotContain("<shipped>", "<img");
  }

  @Test
  void givenNoAttachOrUnreadableJson_attach_rendersNothing() {
    assertThat(AttachBlocks.toHtml(null)).isEmpty();
    assertThat(AttachBlocks.toHtml("{not json")).isEmpty();
  }

  @Test
  void givenAKeyboard_rows_splitAtNewlineAndTellWhatEachButtonDoes() {
    String json =
        MessageExtras.keyboard(
            list(
                map("TEXT", "Yes", "COMMAND", "/answer", "COMMAND_PARAMS", "yes"),
                map("TEXT", "Docs", "LINK", "https://example.com/docs"),
                map("TYPE", "NEWLINE"),
                map("TEXT", "Say hi", "ACTION", "SEND", "ACTION_VALUE", "hi"),
                map("TEXT", "Fill", "ACTION", "PUT", "ACTION_VALUE", "/search "),
                map("TEXT", "Off", "COMMAND", "off", "DISABLED", "Y")),
            BotId.of(7));

    List<List<KeyboardButton>> rows = KeyboardButton.rows(json, 7);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsExactly(
            new KeyboardButton(
                0, "Yes", Kind.COMMAND, "/answer yes", false, new Press(7, "answer", "yes")),
            new KeyboardButton(1, "Docs", Kind.LINK, "https://example.com/docs", false));
    assertThat(rows.get(1))
        .containsExactly(
            new KeyboardButton(3, "Say hi", Kind.SEND, "hi", false),
            new KeyboardButton(4, "Fill", Kind.PUT, "/search ", false),
            new KeyboardButton(5, "Off", Kind.COMMAND, "/off", true, new Press(7, "off", "")));
  }

  @Test
  void givenCommandButtons_press_namesTheButtonsBotElseTheAuthorAndKeepsTheParamsAsStored() {
    String json =
        "[{\"TEXT\":\"Go\",\"COMMAND\":\"go\",\"BOT_ID\":\"9\"},"
            + "{\"TEXT\":\"Stay\",\"COMMAND\":\"/stay\",\"COMMAND_PARAMS\":\" a b \"}]";

    List<KeyboardButton> row = KeyboardButton.rows(json, 5).get(0);

    assertThat(row)
        .extracting(KeyboardButton::press)
        .containsExactly(new Press(9, "go", ""), new Press(5, "stay", " a b "));
    assertThat(row.get(1).value()).isEqualTo("/stay a b");
  }

  @Test
  void givenNoKeyboard_rows_isEmpty() {
    assertThat(KeyboardButton.rows(null, 7)).isEmpty();
    assertThat(KeyboardButton.rows("[", 7)).isEmpty();
  }

  @Test
  void givenEscapesInJson_jsonTree_readsThem() {
    assertThat(JsonTree.read("{\"A\":[\"x\\\"y\\u00e9\\n\",1,true,null]}"))
        .isEqualTo(Map.of("A", java.util.Arrays.asList("x\"yé\n", "1", "true", null)));
  }
}
