package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.domain.chat.MessageId;
import jakarta.inject.Singleton;

/** REST method {@code im.message.delete}: the author deletes; answers {@code true}. */
@Singleton
public final class ImMessageDeleteMethod implements BitrixMethod {
  private final DeleteMessageUseCase delete;

  public ImMessageDeleteMethod(DeleteMessageUseCase delete) {
    this.delete = delete;
  }

  @Override
  public String name() {
    return "im.message.delete";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor actor = ChatParameters.person(call);
    MessageId id = ChatParameters.messageId(call, true);
    delete.delete(
        new DeleteMessageCommand(actor, id, ChatParameters.flag(call, "COMPLETE", false)));
    return MethodResult.of(true);
  }
}
