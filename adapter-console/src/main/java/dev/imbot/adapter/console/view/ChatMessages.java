package dev.imbot.adapter.console.view;

import java.util.List;

/**
 * View model: the messages of the open dialog, oldest first, as the page shows them and refreshes
 * them: with who acts (each message's buttons post as them) and the form token.
 *
 * @param actingAs the person acting
 * @param dialogId the dialog, as that person calls it
 * @param csrf the session's form token
 * @param items the messages, oldest first
 * @param older whether older messages exist than those shown
 * @param typing the names of those typing now
 */
public record ChatMessages(
    long actingAs,
    String dialogId,
    String csrf,
    List<ChatMessage> items,
    boolean older,
    List<String> typing) {

  public ChatMessages {
    items = List.copyOf(items);
    typing = List.copyOf(typing);
  }

  /** "Echo Bot is typing…", "Ann and Echo Bot are typing…", or empty. */
  public String typingLine() {
    if (typing.isEmpty()) {
      return "";
    }
    if (typing.size() == 1) {
      return typing.get(0) + " is typing\u2026";
    }
    return String.join(", ", typing.subList(0, typing.size() - 1))
        + " and "
        + typing.get(typing.size() - 1)
        + " are typing\u2026";
  }

  /** The address the page polls for this list. */
  public String liveHref() {
    return "/console/chat/messages?as=" + actingAs + "&dialog=" + dialogId;
  }

  /** The page with this dialog open. */
  public String pageHref() {
    return ChatPage.href(actingAs, dialogId);
  }

  /** The page with another dialog open ({@code ACTION=DIALOG} buttons). */
  public String dialogHref(String other) {
    return ChatPage.href(actingAs, other);
  }

  /** The address of the page with {@code message} in the edit field. */
  public String editHref(long message) {
    return ChatPage.href(actingAs, dialogId) + "&edit=" + message + "#composer";
  }
}
