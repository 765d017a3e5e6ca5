package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.List;

/** REST method {@code imbot.chat.add}: the bot creates a chat and owns it; answers its id. */
@Singleton
public final class ImbotChatAddMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final CreateChatUseCase create;

  public ImbotChatAddMethod(ResolveBotUseCase resolve, CreateChatUseCase create) {
    this.resolve = resolve;
    this.create = create;
  }

  @Override
  public String name() {
    return "imbot.chat.add";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    List<UserId> users = ChatParameters.users(ChatParameters.raw(call, "USERS"));
    ChatActor creator = ChatParameters.bot(call, resolve);
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
