package dev.imbot.adapter.console.view;

import dev.imbot.domain.chat.MessageExtras;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * View model: one button of a message's {@code KEYBOARD}: its label, what pressing it does, and its
 * place in the stored keyboard (what the page sends back when it is pressed).
 *
 * @param index its position among the keyboard's entries
 * @param text the label
 * @param kind what it does
 * @param value the command line ({@code /command params}), link, or action value
 * @param disabled whether it is shown disabled ({@code DISABLED=Y})
 * @param press what a {@code COMMAND} button sends to {@code im.message.command}; null otherwise
 */
public record KeyboardButton(
    int index, String text, Kind kind, String value, boolean disabled, Press press) {

  /**
   * A command button's press as {@code im.message.command} takes it.
   *
   * @param bot the button's {@code BOT_ID}, else the keyboard's, else the message's author
   * @param command its {@code COMMAND} without the slash
   * @param params its {@code COMMAND_PARAMS}, as stored
   */
  public record Press(long bot, String command, String params) {}

  /** A button that sends nothing to {@code im.message.command}. */
  public KeyboardButton(int index, String text, Kind kind, String value, boolean disabled) {
    this(index, text, kind, value, disabled, null);
  }

  /** What pressing a button does. */
  public enum Kind {
    /** {@code COMMAND}: the bot's command, pressed ({@code im.message.command}). */
    COMMAND,
    /** {@code LINK}: opens the address. */
    LINK,
    /** {@code ACTION=SEND}: posts the value as a message. */
    SEND,
    /** {@code ACTION=PUT}: puts the value into the message field. */
    PUT,
    /** {@code ACTION=COPY}: copies the value. */
    COPY,
    /** {@code ACTION=DIALOG}: opens the dialog the value names. */
    DIALOG,
    /** {@code ACTION=CALL}: a phone number. */
    CALL,
    /** {@code APP_ID}: an application's frame, which the console does not have. */
    APP
  }

  /**
   * The rows of the stored {@code KEYBOARD} JSON of a message by {@code author}: {@code
   * {"TYPE":"NEWLINE"}} starts a new row. Empty when there is no keyboard or it cannot be read.
   */
  public static List<List<KeyboardButton>> rows(String json, long author) {
    Object tree = JsonTree.read(json);
    if (tree == null) {
      return List.of();
    }
    Object buttons = tree instanceof Map<?, ?> ? JsonTree.map(tree).get("BUTTONS") : tree;
    long keyboardBot =
        tree instanceof Map<?, ?> ? botId(JsonTree.map(tree).get("BOT_ID"), author) : author;
    List<List<KeyboardButton>> rows = new ArrayList<>();
    List<KeyboardButton> row = new ArrayList<>();
    int index = 0;
    for (Object entry : JsonTree.list(buttons)) {
      Map<String, Object> button = JsonTree.map(entry);
      if ("NEWLINE".equals(JsonTree.text(button.get("TYPE")))) {
        if (!row.isEmpty()) {
          rows.add(List.copyOf(row));
          row.clear();
        }
      } else {
        of(index, button, keyboardBot).ifPresent(row::add);
      }
      index++;
    }
    if (!row.isEmpty()) {
      rows.add(List.copyOf(row));
    }
    return List.copyOf(rows);
  }

  private static final Pattern BOT_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private static long botId(Object value, long otherwise) {
    String text = JsonTree.text(value);
    if (text != null && BOT_ID.matcher(text.strip()).matches()) {
      return Long.parseLong(text.strip());
    }
    return otherwise;
  }

  private static java.util.Optional<KeyboardButton> of(
      int index, Map<String, Object> button, long keyboardBot) {
    String text = JsonTree.text(button.get("TEXT"));
    if (text == null || text.isBlank()) {
      return java.util.Optional.empty();
    }
    boolean disabled = "Y".equals(JsonTree.text(button.get("DISABLED")));
    String command = JsonTree.text(button.get("COMMAND"));
    String link = JsonTree.text(button.get("LINK"));
    String action = JsonTree.text(button.get("ACTION"));
    String actionValue = orEmpty(JsonTree.text(button.get("ACTION_VALUE")));
    KeyboardButton made;
    if (command != null) {
      String params = orEmpty(JsonTree.text(button.get("COMMAND_PARAMS")));
      String name = MessageExtras.withoutSlash(command);
      String line = "/" + name + (params.isBlank() ? "" : " " + params.strip());
      Press press = new Press(botId(button.get("BOT_ID"), keyboardBot), name, params);
      made = new KeyboardButton(index, text, Kind.COMMAND, line, disabled, press);
    } else if (link != null) {
      made = new KeyboardButton(index, text, Kind.LINK, link, disabled || !BbCode.isWebLink(link));
    } else if (action != null) {
      Kind kind =
          switch (action) {
            case "SEND" -> Kind.SEND;
            case "PUT" -> Kind.PUT;
            case "COPY" -> Kind.COPY;
            case "DIALOG" -> Kind.DIALOG;
            default -> Kind.CALL;
          };
      made = new KeyboardButton(index, text, kind, actionValue, disabled);
    } else {
      made = new KeyboardButton(index, text, Kind.APP, "", true);
    }
    return java.util.Optional.of(made);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
