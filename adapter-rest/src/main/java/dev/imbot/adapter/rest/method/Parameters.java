package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.domain.event.BotEvent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the shapes the imbot methods share out of a parameter tree. */
final class Parameters {
  private Parameters() {}

  /** The {@code EVENT_*} handlers present as text in {@code source}, by event. */
  static Map<BotEvent, String> handlers(Map<String, Object> source) {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      String url = WireParameters.asText(source.get(event.parameterName()));
      if (url != null) {
        handlers.put(event, url);
      }
    }
    return handlers;
  }

  /**
   * The text fields of a nested map such as {@code PROPERTIES}; null when it was not sent or is not
   * a map. A nested value where text is expected counts as not sent.
   */
  static Map<String, String> texts(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (value instanceof String text) {
            texts.put((String) key, text);
          }
        });
    return texts;
  }
}
