package dev.imbot.adapter.rest.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link WireParameters} tree from flat {@code name=value} pairs in PHP bracket syntax
 * ({@code PROPERTIES[NAME]}, {@code x[]}, {@code cmd[a]}), as PHP's {@code parse_str} does: a later
 * pair wins, {@code []} appends, a name with unbalanced brackets is taken literally.
 */
final class ParameterTreeBuilder {
  static final int MAX_DEPTH = 32;
  static final int MAX_PAIRS = 10_000;

  private final Map<String, Object> root = new LinkedHashMap<>();
  private int pairs;

  void add(String name, String value) {
    if (++pairs > MAX_PAIRS) {
      throw new MalformedRequestException("too many parameters (more than " + MAX_PAIRS + ")");
    }
    int open = name.indexOf('[');
    if (open <= 0 || !name.endsWith("]")) {
      root.put(WireParameters.upper(name), value);
      return;
    }
    String[] path = segments(name.substring(open));
    if (path == null) {
      root.put(WireParameters.upper(name), value);
      return;
    }
    Map<String, Object> node = root;
    String key = WireParameters.upper(name.substring(0, open));
    for (String segment : path) {
      node = child(node, key);
      key = segment.isEmpty() ? nextIndex(node) : segment;
    }
    node.put(key, value);
  }

  /** Adds an already nested value (from JSON) under a top-level name. */
  void addTree(String name, Object value) {
    root.put(WireParameters.upper(name), value);
  }

  WireParameters build() {
    return new WireParameters(root);
  }

  /** The bracketed segments of {@code "[a][b][]"}, or null when the brackets do not pair up. */
  private static String[] segments(String brackets) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int i = 0;
    while (i < brackets.length()) {
      if (brackets.charAt(i) != '[') {
        return null;
      }
      int close = brackets.indexOf(']', i);
      if (close < 0) {
        return null;
      }
      parts.add(brackets.substring(i + 1, close));
      i = close + 1;
    }
    if (parts.size() > MAX_DEPTH) {
      throw new MalformedRequestException("parameters nested deeper than " + MAX_DEPTH);
    }
    return parts.toArray(String[]::new);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key) {
    Object existing = node.get(key);
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    node.put(key, created);
    return created;
  }

  private static String nextIndex(Map<String, Object> node) {
    long next = 0;
    for (String key : node.keySet()) {
      if (!key.isEmpty() && key.length() < 18 && key.chars().allMatch(Character::isDigit)) {
        next = Math.max(next, Long.parseLong(key) + 1);
      }
    }
    return Long.toString(next);
  }
}
