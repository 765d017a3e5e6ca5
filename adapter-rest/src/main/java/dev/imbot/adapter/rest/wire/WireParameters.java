package dev.imbot.adapter.rest.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A call's decoded parameters as PHP would see them: a tree whose leaves are strings and whose
 * inner nodes are ordered maps (lists are maps keyed {@code "0"}, {@code "1"}, …). Top-level names
 * are upper-cased, so lookups are case-insensitive; nested names stay as sent.
 */
public final class WireParameters {
  /** Names the transport consumes; a method never sees them. */
  private static final Set<String> RESERVED = Set.of("AUTH", "START", "STATE", "TOKEN");

  private final Map<String, Object> values;

  public WireParameters(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** These parameters overlaid with {@code winner}'s (body values win over the query's). */
  public WireParameters overlaidWith(WireParameters winner) {
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(winner.values);
    return new WireParameters(merged);
  }

  /** The parameters a method sees: without the reserved names. */
  public WireParameters forMethod() {
    Map<String, Object> visible = new LinkedHashMap<>(values);
    visible.keySet().removeAll(RESERVED);
    return new WireParameters(visible);
  }

  /** A top-level value as text; null when absent or not a plain value. */
  public String text(String name) {
    return asText(values.get(upper(name)));
  }

  /** A top-level value as a tree of strings and maps; null when absent or not a map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    Object value = values.get(upper(name));
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** The raw tree. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** A leaf's text; null for an absent value or an inner node. */
  public static String asText(Object value) {
    return value instanceof String text ? text : null;
  }

  static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "WireParameters" + values.keySet();
  }
}
