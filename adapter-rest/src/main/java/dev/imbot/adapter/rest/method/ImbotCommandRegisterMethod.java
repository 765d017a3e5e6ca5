package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.command.RegisterCommandCommand;
import dev.imbot.application.port.in.command.RegisterCommandUseCase;
import jakarta.inject.Singleton;

/** REST method {@code imbot.command.register}: answers the command's id. */
@Singleton
public final class ImbotCommandRegisterMethod implements BitrixMethod {
  private final RegisterCommandUseCase register;

  public ImbotCommandRegisterMethod(RegisterCommandUseCase register) {
    this.register = register;
  }

  @Override
  public String name() {
    return "imbot.command.register";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return MethodResult.of(
        register
            .register(
                new RegisterCommandCommand(
                    call.application(),
                    ChatParameters.text(call, "BOT_ID"),
                    ChatParameters.text(call, "COMMAND"),
                    ChatParameters.text(call, "EVENT_COMMAND_ADD"),
                    ChatParameters.extra(call, "LANG"),
                    ChatParameters.flag(call, "COMMON", false),
                    ChatParameters.flag(call, "HIDDEN", false),
                    ChatParameters.flag(call, "EXTRANET_SUPPORT", false)))
            .value());
  }
}
