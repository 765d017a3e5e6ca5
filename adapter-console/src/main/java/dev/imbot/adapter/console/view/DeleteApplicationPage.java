package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.BotSummary;
import java.util.List;

/** View model: the confirmation before an application is deleted, naming the bots that go. */
public record DeleteApplicationPage(Layout layout, String key, List<String> bots) {

  public static DeleteApplicationPage of(Layout layout, String key, List<BotSummary> all) {
    List<String> owned =
        all.stream()
            .filter(b -> b.application().value().equals(key))
            .map(b -> b.fullName() + " (" + b.code().value() + ")")
            .toList();
    return new DeleteApplicationPage(layout, key, owned);
  }

  /** "Its 2 bots go with it: …" or "It has no bots." */
  public String consequence() {
    return switch (bots.size()) {
      case 0 -> "It owns no bot.";
      case 1 -> "Its 1 bot is deleted with it, and its handler is told (ONIMBOTDELETE).";
      default ->
          "Its "
              + bots.size()
              + " bots are deleted with it, and its handlers are told (ONIMBOTDELETE).";
    };
  }
}
