package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.bot.UpdateBotCommand;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.util.Map;

/** REST method {@code imbot.update}: answers {@code true}. */
@Singleton
public final class ImbotUpdateMethod implements BitrixMethod {
  private final UpdateBotUseCase update;

  public ImbotUpdateMethod(UpdateBotUseCase update) {
    this.update = update;
  }

  @Override
  public String name() {
    return "imbot.update";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ApplicationKey application = call.application();
    BotId botId = BotId.parse(call.parameters().text("BOT_ID"));
    Map<String, Object> fields = call.parameters().map("FIELDS");
    if (fields == null) {
      fields = Map.of();
    }
    UpdateBotCommand command =
        new UpdateBotCommand(
            application,
            botId,
            WireParameters.asText(fields.get("CODE")),
            WireParameters.asText(fields.get("EVENT_HANDLER")),
            Parameters.handlers(fields),
            Parameters.texts(fields.get("PROPERTIES")));
    update.update(command);
    return MethodResult.of(true);
  }
}
