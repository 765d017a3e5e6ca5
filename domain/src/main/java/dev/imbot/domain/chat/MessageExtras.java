package dev.imbot.domain.chat;

import dev.imbot.domain.bot.BotId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape rules of a message's {@code ATTACH}, {@code KEYBOARD} and {@code MENU}: enough to
 * accept and store them, not to render them. Each is checked for shape, normalised to its full form
 * and stored as JSON of at most {@value #MAX_JSON_LENGTH} characters.
 */
public final class MessageExtras {
  /** The longest serialised {@code ATTACH}, {@code KEYBOARD} or {@code MENU}. */
  public static final int MAX_JSON_LENGTH = 60_000;

  private static final Set<String> BLOCKS =
      Set.of("MESSAGE", "LINK", "USER", "GRID", "IMAGE", "FILE", "DELIMITER");
  private static final Set<String> ACTIONS = Set.of("PUT", "SEND", "COPY", "CALL", "DIALOG");
  private static final Pattern LINK = Pattern.compile("^(/|https?://).*", Pattern.DOTALL);

  private MessageExtras() {}

  /**
   * {@code ATTACH} as stored: the full form {@code {"BLOCKS":[…]}} (other top-level keys such as
   * {@code ID} or {@code COLOR_TOKEN} kept), from the full form or a bare list of blocks. Every
   * block must hold at least one known block key of the right shape.
   */
  public static String attach(Object tree) {
    Map<String, Object> map = Tree.asMap(tree);
    if (map == null || map.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.ATTACH_INVALID);
    }
    Map<String, Object> full;
    if (Tree.isList(map)) {
      full = new LinkedHashMap<>();
      full.put("BLOCKS", map);
    } else {
      full = map;
    }
    Object blocks = full.get("BLOCKS");
    if (!Tree.isList(blocks) || !Tree.elements(blocks).stream().allMatch(MessageExtras::isBlock)) {
      throw ChatRejection.refuse(ChatRejectionReason.ATTACH_INVALID);
    }
    return sized(full, ChatRejectionReason.ATTACH_OVERSIZE);
  }

  /**
   * {@code KEYBOARD} as stored: {@code {"BUTTONS":[…]}} with the valid buttons only and {@code
   * BOT_ID} set (the answering bot, when a bot posts). Invalid buttons are skipped; none valid is
   * refused.
   */
  public static String keyboard(Object tree, BotId bot) {
    Map<String, Object> map = Tree.asMap(tree);
    if (map == null || map.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.KEYBOARD_INVALID);
    }
    Map<String, Object> full = new LinkedHashMap<>();
    Object buttons;
    if (Tree.isList(map)) {
      buttons = map;
    } else {
      full.putAll(map);
      buttons = map.get("BUTTONS");
    }
    List<Object> kept = new ArrayList<>();
    boolean anyButton = false;
    for (Object button : Tree.elements(buttons)) {
      Map<String, Object> b = Tree.asMap(button);
      if (b == null) {
        continue;
      }
      if ("NEWLINE".equals(Tree.text(b.get("TYPE")))) {
        kept.add(b);
      } else if (isAction(b, true)) {
        Map<String, Object> normal = new LinkedHashMap<>(b);
        String command = Tree.text(b.get("COMMAND"));
        if (command != null && command.startsWith("/")) {
          normal.put("COMMAND", command.substring(1));
        }
        if (bot != null) {
          normal.put("BOT_ID", bot.toString());
        }
        kept.add(normal);
        anyButton = true;
      }
    }
    if (!anyButton) {
      throw ChatRejection.refuse(ChatRejectionReason.KEYBOARD_INVALID);
    }
    full.put("BUTTONS", Tree.listOf(kept));
    if (bot != null) {
      full.put("BOT_ID", bot.toString());
    }
    return sized(full, ChatRejectionReason.KEYBOARD_OVERSIZE);
  }

  /**
   * {@code MENU} as stored: {@code {"ITEMS":[…]}} with the valid items only. None valid is refused
   * with {@code invalid} (the add and update methods spell the code differently).
   */
  public static String menu(Object tree, ChatRejectionReason invalid) {
    Map<String, Object> map = Tree.asMap(tree);
    if (map == null || map.isEmpty()) {
      throw ChatRejection.refuse(invalid);
    }
    Map<String, Object> full = new LinkedHashMap<>();
    Object items;
    if (Tree.isList(map)) {
      items = map;
    } else {
      full.putAll(map);
      items = map.get("ITEMS");
    }
    List<Object> kept = new ArrayList<>();
    for (Object item : Tree.elements(items)) {
      Map<String, Object> i = Tree.asMap(item);
      if (i != null && isAction(i, false)) {
        kept.add(i);
      }
    }
    if (kept.isEmpty()) {
      throw ChatRejection.refuse(invalid);
    }
    full.put("ITEMS", Tree.listOf(kept));
    return sized(full, ChatRejectionReason.MENU_OVERSIZE);
  }

  /**
   * A keyboard button that carries a command.
   *
   * @param botId the button's {@code BOT_ID} (or its keyboard's), null when it names none
   * @param command the command, without a leading slash
   * @param params its {@code COMMAND_PARAMS}, empty when none
   */
  public record CommandButton(String botId, String command, String params) {}

  /** The buttons of a stored {@code KEYBOARD} that carry a command, in order; none for null. */
  public static List<CommandButton> commandButtons(String keyboard) {
    if (keyboard == null) {
      return List.of();
    }
    Map<String, Object> full = Tree.asMap(Tree.fromJson(keyboard));
    if (full == null) {
      return List.of();
    }
    String keyboardBot = Tree.text(full.get("BOT_ID"));
    List<CommandButton> found = new ArrayList<>();
    for (Object button : Tree.elements(full.get("BUTTONS"))) {
      Map<String, Object> b = Tree.asMap(button);
      String command = b == null ? null : Tree.text(b.get("COMMAND"));
      if (command == null) {
        continue;
      }
      String bot = Tree.text(b.get("BOT_ID"));
      String params = Tree.text(b.get("COMMAND_PARAMS"));
      found.add(
          new CommandButton(
              bot == null ? keyboardBot : bot,
              withoutSlash(command),
              params == null ? "" : params));
    }
    return found;
  }

  /** A command as buttons and people give it: trimmed, one leading slash dropped. */
  public static String withoutSlash(String command) {
    String trimmed = command.strip();
    return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
  }

  private static String sized(Map<String, Object> full, ChatRejectionReason oversize) {
    String json = Tree.toJson(full);
    if (json.length() > MAX_JSON_LENGTH) {
      throw ChatRejection.refuse(oversize);
    }
    return json;
  }

  /** A button or menu item: non-blank {@code TEXT} and exactly one valid action. */
  private static boolean isAction(Map<String, Object> item, boolean button) {
    String text = Tree.text(item.get("TEXT"));
    if (text == null || text.isBlank()) {
      return false;
    }
    int actions = 0;
    String link = Tree.text(item.get("LINK"));
    if (item.containsKey("LINK")) {
      if (link == null || !LINK.matcher(link).matches()) {
        return false;
      }
      actions++;
    }
    if (item.containsKey("COMMAND")) {
      String command = Tree.text(item.get("COMMAND"));
      if (command == null || command.isBlank() || command.equals("/")) {
        return false;
      }
      actions++;
    }
    if (item.containsKey("ACTION")) {
      if (!ACTIONS.contains(Tree.text(item.get("ACTION")))) {
        return false;
      }
      actions++;
    }
    if (item.containsKey("APP_ID")) {
      actions++;
    }
    if (button && item.containsKey("FUNCTION")) {
      return false; // internal callers only
    }
    return actions == 1;
  }

  private static boolean isBlock(Object block) {
    Map<String, Object> b = Tree.asMap(block);
    if (b == null || b.isEmpty()) {
      return false;
    }
    boolean known = false;
    for (Map.Entry<String, Object> e : b.entrySet()) {
      if (!BLOCKS.contains(e.getKey())) {
        continue;
      }
      known = true;
      Object value = e.getValue();
      boolean ok =
          switch (e.getKey()) {
            case "MESSAGE" -> value instanceof String;
            case "GRID" -> Tree.isList(value) && allMaps(value);
            case "IMAGE", "FILE" ->
                Tree.isList(value)
                    ? allMaps(value) && Tree.elements(value).stream().allMatch(MessageExtras::links)
                    : value instanceof Map<?, ?> && links(value);
            default -> value instanceof Map<?, ?> && links(value);
          };
      if (!ok) {
        return false;
      }
    }
    return known;
  }

  private static boolean allMaps(Object list) {
    return Tree.elements(list).stream().allMatch(e -> e instanceof Map<?, ?>);
  }

  /** A {@code LINK} inside a block, when present, is absolute http(s) or root-relative. */
  private static boolean links(Object node) {
    Map<String, Object> map = Tree.asMap(node);
    if (map == null || !map.containsKey("LINK")) {
      return true;
    }
    String link = Tree.text(map.get("LINK"));
    return link != null && LINK.matcher(link).matches();
  }
}
