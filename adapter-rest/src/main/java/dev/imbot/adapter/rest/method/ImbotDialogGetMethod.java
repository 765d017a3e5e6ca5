package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/** REST method {@code imbot.dialog.get}: the chat object, as the calling user sees it. */
@Singleton
public final class ImbotDialogGetMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;

  public ImbotDialogGetMethod(ReadChatsUseCase reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return "imbot.dialog.get";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    DialogId dialog = DialogId.parse(ChatParameters.text(call, "DIALOG_ID"));
    UserId viewer = ChatParameters.user(call);
    return MethodResult.of(ChatViews.dialog(reads.dialog(viewer, dialog), viewer));
  }
}
