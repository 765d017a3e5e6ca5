package dev.imbot.application.service.bot;

import dev.imbot.domain.bot.BotUpdate;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Words for the audit trail's details: which fields and which events, never their values (a handler
 * URL may carry a token in its query).
 */
final class Audited {
  private Audited() {}

  static String handlers(HandlerBindings bindings) {
    if (bindings.isEmpty()) {
      return "no handlers";
    }
    return "handlers for "
        + bindings.asMap().keySet().stream()
            .map(BotEvent::eventName)
            .sorted()
            .collect(Collectors.joining(", "));
  }

  static String fields(BotUpdate update) {
    List<String> fields = new ArrayList<>();
    if (update.code().isPresent()) {
      fields.add("CODE");
    }
    fields.addAll(new TreeSet<>(update.profileFields().keySet()));
    String changed = fields.isEmpty() ? "no fields" : "fields " + String.join(", ", fields);
    return update.bindings().isEmpty() ? changed : changed + "; " + handlers(update.bindings());
  }
}
