package dev.imbot.adapter.console.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * View model: the Chat page: who acts (one of the portal's people), their dialogs and chats (a page
 * of them), the bots a search found (to open a dialog with, or to put in a new group chat with the
 * other people), the open dialog if any, and the composer's text (a draft, or the message being
 * edited).
 */
public record ChatPage(
    Layout layout,
    long actingAs,
    List<Option> people,
    List<ChatEntry> chats,
    Paged<?> chatPaging,
    String botQuery,
    List<ChatPeer> bots,
    String botSummary,
    List<ChatPeer> groupCandidates,
    ChatDialog dialog,
    ChatMessage editing,
    String draft) {

  /** Chats listed per page. */
  public static final int CHATS_PER_PAGE = 30;

  /** Bots a search shows at most. */
  public static final int BOTS_SHOWN = 8;

  public ChatPage {
    people = List.copyOf(people);
    chats = List.copyOf(chats);
    bots = List.copyOf(bots);
    groupCandidates = List.copyOf(groupCandidates);
    draft = draft == null ? "" : draft;
  }

  /** The page for {@code actingAs} with {@code dialogId} open (none when null). */
  public static String href(long actingAs, String dialogId) {
    String base = "/console/chat?as=" + actingAs;
    return dialogId == null
        ? base
        : base + "&dialog=" + URLEncoder.encode(dialogId, StandardCharsets.UTF_8);
  }

  /** Another page of the chat list. */
  public String hrefOfChats(int page) {
    return href(actingAs, dialog == null ? null : dialog.messages().dialogId()) + "&page=" + page;
  }

  /** What the composer holds: the edited message's text, or the draft. */
  public String composerText() {
    return editing == null ? draft : editing.text();
  }

  public String openDialogId() {
    return dialog == null ? "" : dialog.messages().dialogId();
  }
}
