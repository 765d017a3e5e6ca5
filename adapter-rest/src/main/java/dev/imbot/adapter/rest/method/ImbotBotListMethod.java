package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.domain.bot.BotSummary;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST method {@code imbot.bot.list}: every bot of the portal keyed by id, or {@code []} when there
 * is none (Bitrix24 serialises an empty PHP array that way).
 */
@Singleton
public final class ImbotBotListMethod implements BitrixMethod {
  private final ListBotsUseCase list;

  public ImbotBotListMethod(ListBotsUseCase list) {
    this.list = list;
  }

  @Override
  public String name() {
    return "imbot.bot.list";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    List<BotSummary> bots = list.listBots(new ListBotsQuery());
    if (bots.isEmpty()) {
      return MethodResult.of(List.of());
    }
    // Plain maps, not a serde record: batch resolves $result[list][<id>][CODE] by walking maps.
    Map<String, Object> result = new LinkedHashMap<>();
    for (BotSummary bot : bots) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ID", bot.id().value());
      entry.put("NAME", bot.fullName());
      entry.put("CODE", bot.code().value());
      entry.put("OPENLINE", bot.openLines() ? "Y" : "N");
      result.put(Long.toString(bot.id().value()), entry);
    }
    return MethodResult.of(result);
  }
}
