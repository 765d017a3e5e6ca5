package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.RemoveChatUserCommand;
import dev.imbot.application.port.in.chat.RemoveChatUserUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import jakarta.inject.Singleton;

/** REST method {@code im.chat.leave}: the caller leaves a chat; answers {@code true}. */
@Singleton
public final class ImChatLeaveMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;
  private final RemoveChatUserUseCase remove;
  private final ResolveActorUseCase actors;

  public ImChatLeaveMethod(
      ReadChatsUseCase reads, RemoveChatUserUseCase remove, ResolveActorUseCase actors) {
    this.reads = reads;
    this.remove = remove;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.chat.leave";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.DELETE_USERS_FORBIDDEN);
    ChatActor actor = ChatParameters.actor(call, actors);
    remove.remove(new RemoveChatUserCommand(actor, chat, actor.user()));
    return MethodResult.of(true);
  }
}
