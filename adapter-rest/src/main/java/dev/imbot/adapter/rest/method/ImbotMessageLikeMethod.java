package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.LikeMessageCommand;
import dev.imbot.application.port.in.chat.LikeMessageUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.LikeAction;
import dev.imbot.domain.chat.MessageId;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.message.like}: the bot likes, unlikes or toggles; answers {@code true}.
 */
@Singleton
public final class ImbotMessageLikeMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final LikeMessageUseCase like;

  public ImbotMessageLikeMethod(ResolveBotUseCase resolve, LikeMessageUseCase like) {
    this.resolve = resolve;
    this.like = like;
  }

  @Override
  public String name() {
    return "imbot.message.like";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor bot = ChatParameters.bot(call, resolve);
    MessageId id = ChatParameters.messageId(call, false);
    like.like(
        new LikeMessageCommand(bot, id, LikeAction.fromWire(ChatParameters.text(call, "ACTION"))));
    return MethodResult.of(true);
  }
}
