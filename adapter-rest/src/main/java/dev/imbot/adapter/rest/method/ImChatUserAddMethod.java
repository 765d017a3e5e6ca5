package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.AddChatUsersUseCase;
import dev.imbot.application.port.in.chat.ChangeMembersCommand;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.List;

/** REST method {@code im.chat.user.add}: a member adds users; answers {@code true}. */
@Singleton
public final class ImChatUserAddMethod implements BitrixMethod {
  private final ReadChatsUseCase reads;
  private final AddChatUsersUseCase addUsers;
  private final ResolveActorUseCase actors;

  public ImChatUserAddMethod(
      ReadChatsUseCase reads, AddChatUsersUseCase addUsers, ResolveActorUseCase actors) {
    this.reads = reads;
    this.addUsers = addUsers;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.chat.user.add";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.ADD_USERS_FORBIDDEN);
    ChatActor actor = ChatParameters.actor(call, actors);
    List<UserId> users = ChatParameters.users(ChatParameters.raw(call, "USERS"));
    addUsers.add(
        new ChangeMembersCommand(
            actor, chat, users, !"N".equals(ChatParameters.text(call, "HIDE_HISTORY"))));
    return MethodResult.of(true);
  }
}
