package dev.imbot.domain.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter trees {@code ATTACH}, {@code KEYBOARD} and {@code MENU} arrive as, read the way PHP
 * reads them: leaves are strings, inner nodes ordered maps, and a list is a map keyed {@code "0"},
 * {@code "1"}, … in order. Writes a tree as compact JSON, lists as arrays.
 */
final class Tree {
  private Tree() {}

  /** Whether {@code node} is a non-empty list: a map keyed 0..n-1 in order. */
  static boolean isList(Object node) {
    if (!(node instanceof Map<?, ?> map) || map.isEmpty()) {
      return false;
    }
    int index = 0;
    for (Object key : map.keySet()) {
      if (!String.valueOf(index++).equals(key)) {
        return false;
      }
    }
    return true;
  }

  /** The elements of a list, or of a map's values in order. */
  static List<Object> elements(Object node) {
    return node instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : List.of();
  }

  /** A list node holding {@code items}. */
  static Map<String, Object> listOf(List<?> items) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      list.put(String.valueOf(i), items.get(i));
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : null;
  }

  static String text(Object node) {
    return node instanceof String s ? s : null;
  }

  /** The tree as compact JSON; a list node (keys 0..n-1) becomes an array. */
  static String toJson(Object node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(Object node, StringBuilder out) {
    if (node instanceof Map<?, ?> map) {
      boolean list = isList(map);
      out.append(list ? '[' : '{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!list) {
          string(String.valueOf(e.getKey()), out);
          out.append(':');
        }
        write(e.getValue(), out);
      }
      out.append(list ? ']' : '}');
    } else if (node == null) {
      out.append("null");
    } else {
      string(String.valueOf(node), out);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
