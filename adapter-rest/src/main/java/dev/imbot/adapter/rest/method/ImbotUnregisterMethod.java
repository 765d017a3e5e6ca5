package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;

/** REST method {@code imbot.unregister}: answers {@code true}. */
@Singleton
public final class ImbotUnregisterMethod implements BitrixMethod {
  private final UnregisterBotUseCase unregister;

  public ImbotUnregisterMethod(UnregisterBotUseCase unregister) {
    this.unregister = unregister;
  }

  @Override
  public String name() {
    return "imbot.unregister";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ApplicationKey application = call.application();
    BotId botId = BotId.parse(call.parameters().text("BOT_ID"));
    unregister.unregister(new UnregisterBotCommand(application, botId));
    return MethodResult.of(true);
  }
}
