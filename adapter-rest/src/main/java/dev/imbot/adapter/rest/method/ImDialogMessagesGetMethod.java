package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.MessagePage;
import dev.imbot.application.port.in.chat.MessagePageQuery;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.DialogId;
import jakarta.inject.Singleton;

/** REST method {@code im.dialog.messages.get}: a page of a dialog's messages, newest first. */
@Singleton
public final class ImDialogMessagesGetMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;

  public ImDialogMessagesGetMethod(ReadChatsUseCase reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return "im.dialog.messages.get";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    String raw = ChatParameters.text(call, "DIALOG_ID");
    if (raw == null && ChatParameters.text(call, "CHAT_ID") != null) {
      raw = "chat" + ChatParameters.intval(ChatParameters.text(call, "CHAT_ID"));
    }
    DialogId dialog = DialogId.parse(raw);
    long lastId = id(call, "LAST_ID", ChatRejectionReason.LAST_ID_STRING);
    long firstId = id(call, "FIRST_ID", ChatRejectionReason.FIRST_ID_STRING);
    long limit = ChatParameters.intval(ChatParameters.text(call, "LIMIT"));
    int size =
        limit <= 0
            ? MessagePageQuery.DEFAULT_LIMIT
            : (int) Math.min(limit, MessagePageQuery.MAX_LIMIT);
    MessagePage page =
        reads.messages(
            new MessagePageQuery(ChatParameters.user(call), dialog, firstId, lastId, size));
    return MethodResult.of(ChatViews.page(page));
  }

  /** An id that must be digits when sent. */
  private static long id(BitrixCall call, String name, ChatRejectionReason notDigits) {
    String raw = ChatParameters.text(call, name);
    if (raw == null || raw.isEmpty()) {
      return 0;
    }
    if (!raw.chars().allMatch(c -> c >= '0' && c <= '9') || raw.length() > 18) {
      throw ChatRejection.refuse(notDigits);
    }
    return Long.parseLong(raw);
  }
}
