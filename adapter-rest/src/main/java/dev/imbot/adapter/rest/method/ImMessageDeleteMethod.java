package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.MessageId;
import jakarta.inject.Singleton;

/** REST method {@code im.message.delete}: the author deletes; answers {@code true}. */
@Singleton
public final class ImMessageDeleteMethod implements BitrixMethod {
  private final DeleteMessageUseCase delete;
  private final ResolveActorUseCase actors;

  public ImMessageDeleteMethod(DeleteMessageUseCase delete, ResolveActorUseCase actors) {
    this.delete = delete;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.message.delete";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor actor = ChatParameters.actor(call, actors);
    MessageId id = ChatParameters.messageId(call, true);
    delete.delete(
        new DeleteMessageCommand(actor, id, ChatParameters.flag(call, "COMPLETE", false)));
    return MethodResult.of(true);
  }
}
