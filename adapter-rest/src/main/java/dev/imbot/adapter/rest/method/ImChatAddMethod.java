package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.List;

/** REST method {@code im.chat.add}: the caller creates a chat and owns it; answers its id. */
@Singleton
public final class ImChatAddMethod implements BitrixMethod {
  private final CreateChatUseCase create;
  private final ResolveActorUseCase actors;

  public ImChatAddMethod(CreateChatUseCase create, ResolveActorUseCase actors) {
    this.create = create;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.chat.add";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    List<UserId> users = ChatParameters.users(ChatParameters.raw(call, "USERS"));
    ChatActor creator = ChatParameters.actor(call, actors);
    ChatDetails details =
        new ChatDetails(
            ChatParameters.text(call, "TITLE"),
            ChatParameters.text(call, "DESCRIPTION"),
            ChatParameters.text(call, "COLOR"),
            ChatParameters.text(call, "ENTITY_TYPE"),
            ChatParameters.text(call, "ENTITY_ID"));
    ChatId id =
        create.create(
            new CreateChatCommand(
                creator,
                ChatType.ofCreationType(ChatParameters.text(call, "TYPE")),
                details,
                users,
                ChatParameters.text(call, "MESSAGE")));
    return MethodResult.of(id.value());
  }
}
