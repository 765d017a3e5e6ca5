package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.command.UnregisterCommandCommand;
import dev.imbot.application.port.in.command.UnregisterCommandUseCase;
import jakarta.inject.Singleton;

/** REST method {@code imbot.command.unregister}: answers {@code true}. */
@Singleton
public final class ImbotCommandUnregisterMethod implements BitrixMethod {
  private final UnregisterCommandUseCase unregister;

  public ImbotCommandUnregisterMethod(UnregisterCommandUseCase unregister) {
    this.unregister = unregister;
  }

  @Override
  public String name() {
    return "imbot.command.unregister";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    unregister.unregister(
        new UnregisterCommandCommand(call.application(), ChatParameters.text(call, "COMMAND_ID")));
    return MethodResult.of(true);
  }
}
