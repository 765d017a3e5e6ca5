package dev.imbot.application.service.bot;

import dev.imbot.domain.bot.BotUpdate;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Words for the audit trail's details: which fields and which events, never their values (a handler
 * URL may carry a token in its query).
 */
final class Audited {
  /** The events in the order of their names, as the details list them (every registration). */
  private static final List<BotEvent> BY_NAME =
      Arrays.stream(BotEvent.values()).sorted(Comparator.comparing(BotEvent::eventName)).toList();

  private Audited() {}

  static String handlers(HandlerBindings bindings) {
    if (bindings.isEmpty()) {
      return "no handlers";
    }
    Map<BotEvent, ?> bound = bindings.asMap();
    StringBuilder words = new StringBuilder("handlers for ");
    String separator = "";
    for (BotEvent event : BY_NAME) {
      if (bound.containsKey(event)) {
        words.append(separator).append(event.eventName());
        separator = ", ";
      }
    }
    return words.toString();
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
