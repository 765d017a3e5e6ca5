package dev.imbot.application.port.in;

import dev.imbot.domain.Bot;
import java.util.List;

/** Use case: list every bot of the portal ({@code imbot.bot.list}). */
public interface ListBotsUseCase {

  /** All bots, whichever application owns them, ordered by id. */
  List<Bot> listBots(ListBotsQuery query);
}
