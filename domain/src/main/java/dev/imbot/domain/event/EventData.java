package dev.imbot.domain.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code data[...]} of an event: an ordered tree whose leaves are strings (a handler reads
 * every value as a string, as PHP's {@code $_REQUEST} does) and whose inner nodes are nested trees,
 * e.g. {@code data[BOT_ID]}, or {@code data[BOT][42][BOT_CODE]}. Keys keep the order they were put
 * in, which is the order the form body lists them.
 */
public final class EventData {
  private static final EventData EMPTY = new EventData(new LinkedHashMap<>());

  private final Map<String, Object> entries;

  private EventData(LinkedHashMap<String, Object> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** No data. */
  public static EventData empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The entries in order; each value is a {@link String} or a nested {@link EventData}.
   * Unmodifiable.
   */
  public Map<String, Object> asMap() {
    return entries;
  }

  /** The string at {@code key}, if there is one (not a nested tree). */
  public Optional<String> text(String key) {
    return entries.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** The nested tree at {@code key}, if there is one. */
  public Optional<EventData> nested(String key) {
    return entries.get(key) instanceof EventData nested ? Optional.of(nested) : Optional.empty();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Equal when the same keys in the same order hold equal values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof EventData other
        && entries.equals(other.entries)
        && entries.keySet().stream().toList().equals(other.entries.keySet().stream().toList());
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "EventData" + entries;
  }

  /** Builds a tree key by key; a key put twice keeps its first place and takes the last value. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String key, String value) {
      entries.put(checked(key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A number, written as its decimal string (handlers receive strings). */
    public Builder put(String key, long value) {
      return put(key, Long.toString(value));
    }

    public Builder put(String key, EventData nested) {
      entries.put(checked(key), Objects.requireNonNull(nested, "nested"));
      return this;
    }

    public EventData build() {
      return entries.isEmpty() ? EMPTY : new EventData(new LinkedHashMap<>(entries));
    }

    private static String checked(String key) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("an event data key must not be empty");
      }
      return key;
    }
  }
}
