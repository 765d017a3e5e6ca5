package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * REST method {@code imbot.chat.get}: the chat bound to {@code ENTITY_TYPE} and {@code ENTITY_ID}
 * as {@code {"ID": id}}, or {@code null}; with {@code DIALOG_ID}, the chat object as {@code
 * imbot.dialog.get} gives it.
 */
@Singleton
public final class ImbotChatGetMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;

  public ImbotChatGetMethod(ReadChatsUseCase reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return "imbot.chat.get";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    if (ChatParameters.text(call, "DIALOG_ID") != null) {
      DialogId dialog = DialogId.parse(ChatParameters.text(call, "DIALOG_ID"));
      UserId viewer = ChatParameters.user(call);
      return MethodResult.of(ChatViews.dialog(reads.dialog(viewer, dialog), viewer));
    }
    String type = ChatParameters.text(call, "ENTITY_TYPE");
    String id = ChatParameters.text(call, "ENTITY_ID");
    if (type == null || type.isEmpty() || id == null || id.isEmpty()) {
      return MethodResult.of(null);
    }
    Optional<ChatId> chat = reads.chatByEntity(type, id);
    if (chat.isEmpty()) {
      return MethodResult.of(null);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ID", chat.get().value());
    return MethodResult.of(result);
  }
}
