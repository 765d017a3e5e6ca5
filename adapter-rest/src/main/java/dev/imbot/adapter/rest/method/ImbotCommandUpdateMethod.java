package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.adapter.rest.wire.JsonBodyDecoder;
import dev.imbot.application.port.in.command.UpdateCommandCommand;
import dev.imbot.application.port.in.command.UpdateCommandUseCase;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** REST method {@code imbot.command.update}: answers {@code true}. */
@Singleton
public final class ImbotCommandUpdateMethod implements BitrixMethod {
  private final UpdateCommandUseCase update;

  public ImbotCommandUpdateMethod(UpdateCommandUseCase update) {
    this.update = update;
  }

  @Override
  public String name() {
    return "imbot.command.update";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    update.update(
        new UpdateCommandCommand(
            call.application(),
            ChatParameters.text(call, "COMMAND_ID"),
            fields(ChatParameters.raw(call, "FIELDS"))));
    return MethodResult.of(true);
  }

  /** {@code FIELDS}, with a {@code LANG} sent as JSON text read as the list it holds. */
  private static Object fields(Object raw) {
    if (!(raw instanceof Map<?, ?> map) || !(map.get("LANG") instanceof String lang)) {
      return raw;
    }
    Map<Object, Object> fields = new LinkedHashMap<>(map);
    JsonBodyDecoder.decodeValue(lang).ifPresent(decoded -> fields.put("LANG", decoded));
    return fields;
  }
}
