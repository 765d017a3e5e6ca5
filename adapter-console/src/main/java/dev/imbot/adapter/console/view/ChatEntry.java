package dev.imbot.adapter.console.view;

import dev.imbot.application.port.in.chat.ChatListing;
import dev.imbot.domain.chat.ChatType;

/**
 * View model: one dialog or chat in the Chat page's list: its title, what kind it is in words, the
 * initials shown beside it, its link, and whether it is the one open.
 */
public record ChatEntry(
    String title, String kind, String initials, String dialogId, String href, boolean current) {

  public static ChatEntry of(ChatListing listing, long actingAs, String openDialogId) {
    String kind;
    if (listing.type() == ChatType.PRIVATE) {
      kind = listing.other() != null && listing.other().bot() ? "Dialog with a bot" : "Dialog";
    } else {
      kind =
          (listing.type() == ChatType.OPEN ? "Open chat" : "Group chat")
              + ", "
              + listing.memberCount()
              + " members";
    }
    return new ChatEntry(
        listing.title(),
        kind,
        Initials.of(listing.title()),
        listing.dialogId(),
        ChatPage.href(actingAs, listing.dialogId()),
        listing.dialogId().equals(openDialogId));
  }
}
