package dev.imbot.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.rejection.RejectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageExtrasTest {

  @Test
  void givenBareListOfBlocks_attach_storesTheFullForm() {
    Object tree = list(map("MESSAGE", "reply: hi"), map("MESSAGE", "latency: 3"));
    assertThat(MessageExtras.attach(tree))
        .isEqualTo("{\"BLOCKS\":[{\"MESSAGE\":\"reply: hi\"},{\"MESSAGE\":\"latency: 3\"}]}");
  }

  @Test
  void givenFullFormWithGridLinkAndDelimiter_attach_keepsItsKeys() {
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("ID", "1");
    full.put("COLOR_TOKEN", "primary");
    full.put(
        "BLOCKS",
        list(
            map("GRID", list(map("VALUE", "RED", "DISPLAY", "LINE"))),
            map("LINK", map("NAME", "x", "LINK", "https://example.com")),
            map("DELIMITER", map("SIZE", "400", "COLOR", "#c6c6c6"))));
    assertThat(MessageExtras.attach(full)).startsWith("{\"ID\":\"1\",\"COLOR_TOKEN\":\"primary\"");
  }

  @Test
  void givenBlockWithUnknownKeyOnly_attach_isRefused() {
    assertRefused(() -> MessageExtras.attach(list(map("VIDEO", "x"))), "ATTACH_ERROR");
  }

  @Test
  void givenRelativeLinkWithoutSlash_attach_isRefused() {
    assertRefused(
        () -> MessageExtras.attach(list(map("LINK", map("LINK", "javascript:alert(1)")))),
        "ATTACH_ERROR");
  }

  @Test
  void givenTextInsteadOfTree_attach_isRefused() {
    assertRefused(() -> MessageExtras.attach("not json"), "ATTACH_ERROR");
  }

  @Test
  void givenAttachOverTheLimit_attach_isRefusedAsOversize() {
    Object tree = list(map("MESSAGE", "x".repeat(60_000)));
    assertRefused(() -> MessageExtras.attach(tree), "ATTACH_OVERSIZE");
  }

  @Test
  void givenAttachJustUnderTheLimit_attach_isKept() {
    String json = "{\"BLOCKS\":[{\"MESSAGE\":\"\"}]}";
    Object tree = list(map("MESSAGE", "x".repeat(60_000 - json.length())));
    assertThat(MessageExtras.attach(tree)).hasSize(60_000);
  }

  @Test
  void givenBareButtonsWithOneInvalid_keyboard_keepsTheValidOnesAndSetsTheBot() {
    Object tree =
        list(
            map("TEXT", "Echo", "COMMAND", "/echo", "COMMAND_PARAMS", "x"),
            map("TYPE", "NEWLINE"),
            map("TEXT", "", "LINK", "https://x"),
            map("TEXT", "Site", "LINK", "https://example.com"));
    String json = MessageExtras.keyboard(tree, BotId.of(39));
    assertThat(json)
        .isEqualTo(
            "{\"BUTTONS\":[{\"TEXT\":\"Echo\",\"COMMAND\":\"echo\",\"COMMAND_PARAMS\":\"x\","
                + "\"BOT_ID\":\"39\"},{\"TYPE\":\"NEWLINE\"},"
                + "{\"TEXT\":\"Site\",\"LINK\":\"https://example.com\",\"BOT_ID\":\"39\"}],"
                + "\"BOT_ID\":\"39\"}");
  }

  @Test
  void givenButtonWithTwoActions_keyboard_isRefusedWhenNoneIsLeft() {
    Object tree = list(map("TEXT", "x", "LINK", "/a", "COMMAND", "b"), map("TYPE", "NEWLINE"));
    assertRefused(() -> MessageExtras.keyboard(tree, BotId.of(1)), "KEYBOARD_ERROR");
  }

  @Test
  void givenUnknownAction_keyboard_isRefused() {
    assertRefused(
        () -> MessageExtras.keyboard(list(map("TEXT", "x", "ACTION", "EXPLODE")), null),
        "KEYBOARD_ERROR");
  }

  @Test
  void givenKeyboardOverTheLimit_keyboard_isRefusedAsOversize() {
    Object tree = list(map("TEXT", "x".repeat(60_000), "COMMAND", "go"));
    assertRefused(() -> MessageExtras.keyboard(tree, null), "KEYBOARD_OVERSIZE");
  }

  @Test
  void givenMenuItems_menu_storesTheFullForm() {
    Object tree = map("ITEMS", list(map("TEXT", "Help", "ACTION", "SEND", "ACTION_VALUE", "/h")));
    assertThat(MessageExtras.menu(tree, ChatRejectionReason.MENU_INVALID))
        .isEqualTo("{\"ITEMS\":[{\"TEXT\":\"Help\",\"ACTION\":\"SEND\",\"ACTION_VALUE\":\"/h\"}]}");
  }

  @Test
  void givenMenuWithoutValidItem_menu_isRefusedWithTheCodeOfTheMethod() {
    Object tree = list(map("TEXT", "no action"));
    assertRefused(() -> MessageExtras.menu(tree, ChatRejectionReason.MENU_INVALID), "MENU_ERROR");
    assertRefused(
        () -> MessageExtras.menu(tree, ChatRejectionReason.MENU_INVALID_ON_UPDATE), "menu_ERROR");
  }

  @Test
  void givenMenuOverTheLimit_menu_isRefusedAsOversize() {
    Object tree = list(map("TEXT", "x".repeat(60_000), "LINK", "/a"));
    assertRefused(
        () -> MessageExtras.menu(tree, ChatRejectionReason.MENU_INVALID), "MENU_OVERSIZE");
  }

  @Test
  void givenQuotesAndControlCharacters_attach_writesValidJson() {
    String json = MessageExtras.attach(list(map("MESSAGE", "a\"b\\c\nd\u0001")));
    assertThat(json).isEqualTo("{\"BLOCKS\":[{\"MESSAGE\":\"a\\\"b\\\\c\\nd\\u0001\"}]}");
  }

  private static void assertRefused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.rejection().error().code()).isEqualTo(code));
  }

  static Map<String, Object> list(Object... items) {
    return Tree.listOf(List.of(items));
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
