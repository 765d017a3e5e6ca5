package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.RemoveChatUserCommand;
import dev.imbot.application.port.in.chat.RemoveChatUserUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/** REST method {@code im.chat.user.delete}: the owner removes a member; answers {@code true}. */
@Singleton
public final class ImChatUserDeleteMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;
  private final RemoveChatUserUseCase remove;
  private final ResolveActorUseCase actors;

  public ImChatUserDeleteMethod(
      ReadChatsUseCase reads, RemoveChatUserUseCase remove, ResolveActorUseCase actors) {
    this.reads = reads;
    this.remove = remove;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.chat.user.delete";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    UserId user = ChatParameters.userId(call);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.DELETE_USERS_FORBIDDEN);
    remove.remove(new RemoveChatUserCommand(ChatParameters.actor(call, actors), chat, user));
    return MethodResult.of(true);
  }
}
