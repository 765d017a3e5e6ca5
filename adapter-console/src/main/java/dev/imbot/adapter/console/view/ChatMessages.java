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
 */
public record ChatMessages(
    long actingAs, String dialogId, String csrf, List<ChatMessage> items, boolean older) {

  public ChatMessages {
    items = List.copyOf(items);
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
