package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.application.port.in.chat.UpdateMessageCommand;
import dev.imbot.application.port.in.chat.UpdateMessageUseCase;
import dev.imbot.domain.chat.MessageId;
import jakarta.inject.Singleton;
import java.util.Optional;

/** REST method {@code im.message.update}: the author edits; answers {@code true}. */
@Singleton
public final class ImMessageUpdateMethod implements BitrixMethod {
  private final UpdateMessageUseCase update;
  private final ResolveActorUseCase actors;

  public ImMessageUpdateMethod(UpdateMessageUseCase update, ResolveActorUseCase actors) {
    this.update = update;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.message.update";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor actor = ChatParameters.actor(call, actors);
    MessageId id = ChatParameters.messageId(call, true);
    String urlPreview = ChatParameters.text(call, "URL_PREVIEW");
    update.update(
        new UpdateMessageCommand(
            actor,
            id,
            Optional.ofNullable(ChatParameters.text(call, "MESSAGE")),
            ChatParameters.extraChange(call, "ATTACH"),
            ChatParameters.extraChange(call, "KEYBOARD"),
            ChatParameters.extraChange(call, "MENU"),
            urlPreview == null
                ? Optional.empty()
                : Optional.of(ChatParameters.flag(call, "URL_PREVIEW", true)),
            ChatParameters.flag(call, "IS_EDITED", true)));
    return MethodResult.of(true);
  }
}
