package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.application.port.in.chat.TypingUseCase;
import dev.imbot.domain.chat.DialogId;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.sendTyping}: answers {@code true} once the dialog id is valid, and
 * marks the bot as typing there (the console's Chat page shows it).
 */
@Singleton
public final class ImbotChatSendTypingMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final TypingUseCase typing;

  public ImbotChatSendTypingMethod(ResolveBotUseCase resolve, TypingUseCase typing) {
    this.resolve = resolve;
    this.typing = typing;
  }

  @Override
  public String name() {
    return "imbot.chat.sendtyping";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor bot = ChatParameters.bot(call, resolve);
    typing.typing(bot, DialogId.parse(ChatParameters.text(call, "DIALOG_ID")));
    return MethodResult.of(true);
  }
}
