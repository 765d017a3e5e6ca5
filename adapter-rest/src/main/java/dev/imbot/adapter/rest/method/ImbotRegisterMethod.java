package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;

/** REST method {@code imbot.register}: answers the bot id as a JSON integer. */
@Singleton
public final class ImbotRegisterMethod implements BitrixMethod {
  private final RegisterBotUseCase register;

  public ImbotRegisterMethod(RegisterBotUseCase register) {
    this.register = register;
  }

  @Override
  public String name() {
    return "imbot.register";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ApplicationKey application = call.application();
    WireParameters p = call.parameters();
    RegisterBotCommand command =
        new RegisterBotCommand(
            application,
            p.text("CODE"),
            p.text("TYPE"),
            p.text("OPENLINE"),
            p.text("EVENT_HANDLER"),
            Parameters.handlers(p.asMap()),
            Parameters.texts(p.asMap().get("PROPERTIES")));
    return MethodResult.of(register.register(command).botId().value());
  }
}
