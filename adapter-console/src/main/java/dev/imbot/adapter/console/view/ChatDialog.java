package dev.imbot.adapter.console.view;

import java.util.List;

/**
 * View model: the dialog open on the Chat page: its title, kind, members (whom {@code @} offers),
 * and its messages (the part the page refreshes live).
 */
public record ChatDialog(String title, String kind, List<ChatPeer> members, ChatMessages messages) {

  public ChatDialog {
    members = List.copyOf(members);
  }

  /** The members as {@code id|name} lines, which the page's mention list reads. */
  public String mentionList() {
    StringBuilder lines = new StringBuilder();
    for (ChatPeer member : members) {
      lines.append(member.id()).append('|').append(member.name()).append('\n');
    }
    return lines.toString();
  }
}
