package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.MessageId;
import jakarta.inject.Singleton;

/** REST method {@code imbot.message.delete}: the author deletes; answers {@code true}. */
@Singleton
public final class ImbotMessageDeleteMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final DeleteMessageUseCase delete;

  public ImbotMessageDeleteMethod(ResolveBotUseCase resolve, DeleteMessageUseCase delete) {
    this.resolve = resolve;
    this.delete = delete;
  }

  @Override
  public String name() {
    return "imbot.message.delete";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor actor = ChatParameters.bot(call, resolve);
    MessageId id = ChatParameters.messageId(call, false);
    delete.delete(
        new DeleteMessageCommand(actor, id, ChatParameters.flag(call, "COMPLETE", false)));
    return MethodResult.of(true);
  }
}
