package dev.imbot.adapter.console.view;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.Message;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * View model: one message as the Chat page shows it to the person acting: author (initials, name,
 * whether a bot), time (UTC), the text and {@code ATTACH} as safe HTML, the {@code KEYBOARD}'s
 * rows, whether it was edited or deleted, whether the person may edit and delete it (their own, not
 * deleted), and the deliveries it caused.
 *
 * @param text the raw text, for the edit field
 */
public record ChatMessage(
    long id,
    String authorName,
    String authorInitials,
    boolean fromBot,
    boolean mine,
    boolean system,
    String time,
    String text,
    String html,
    String attachHtml,
    List<List<KeyboardButton>> keyboard,
    boolean edited,
    boolean deleted,
    List<DeliveryBadge> deliveries) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  public ChatMessage {
    keyboard = List.copyOf(keyboard);
    deliveries = List.copyOf(deliveries);
  }

  /**
   * The message as {@code viewer} sees it; {@code users} names its author ({@code "User <id>"} when
   * unknown, "System" for a system message).
   */
  public static ChatMessage of(
      Message message, long viewer, Map<Long, ChatUser> users, List<DeliveryBadge> deliveries) {
    long author = message.authorWireId();
    ChatUser user = users.get(author);
    String name;
    if (author == 0) {
      name = "System";
    } else {
      name = user == null ? "User " + author : user.fullName();
    }
    boolean mine = author == viewer && !message.isDeleted();
    return new ChatMessage(
        message.id().value(),
        name,
        Initials.of(name),
        user != null && user.bot(),
        mine,
        message.isSystem(),
        TIME.format(message.date()),
        message.text(),
        BbCode.toHtml(message.text()),
        AttachBlocks.toHtml(message.content().attach()),
        KeyboardButton.rows(message.content().keyboard(), author),
        message.isEdited(),
        message.isDeleted(),
        deliveries);
  }

  public boolean hasKeyboard() {
    return !keyboard.isEmpty();
  }

  /** The element id of the message, for links and for the tests. */
  public String anchor() {
    return "message-" + id;
  }
}
