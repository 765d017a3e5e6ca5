package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.DialogId;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.sendTyping}: answers {@code true} once the dialog id is valid;
 * nobody watches the typing status here.
 */
@Singleton
public final class ImbotChatSendTypingMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;

  public ImbotChatSendTypingMethod(ResolveBotUseCase resolve) {
    this.resolve = resolve;
  }

  @Override
  public String name() {
    return "imbot.chat.sendtyping";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatParameters.bot(call, resolve);
    DialogId.parse(ChatParameters.text(call, "DIALOG_ID"));
    return MethodResult.of(true);
  }
}
