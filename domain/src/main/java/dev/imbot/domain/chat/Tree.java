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

  /**
   * Reads JSON that {@link #toJson} wrote back into a tree: objects and arrays become ordered maps
   * (arrays keyed {@code "0"}, {@code "1"}, …), strings stay strings, {@code null} is null, and
   * other scalars are kept as their text.
   *
   * @throws IllegalArgumentException when {@code json} is not JSON
   */
  static Object fromJson(String json) {
    JsonReader reader = new JsonReader(json);
    Object value = reader.value();
    reader.skipBlanks();
    if (!reader.atEnd()) {
      throw new IllegalArgumentException("trailing characters in JSON");
    }
    return value;
  }

  /** A small reader of the JSON the stored extras are written in. */
  private static final class JsonReader {
    private final String json;
    private int at;

    JsonReader(String json) {
      this.json = json;
    }

    boolean atEnd() {
      return at >= json.length();
    }

    void skipBlanks() {
      while (!atEnd() && Character.isWhitespace(json.charAt(at))) {
        at++;
      }
    }

    Object value() {
      skipBlanks();
      if (atEnd()) {
        throw new IllegalArgumentException("JSON ends early");
      }
      char c = json.charAt(at);
      if (c == '{' || c == '[') {
        return container(c == '[');
      }
      if (c == '"') {
        return string();
      }
      int start = at;
      while (!atEnd() && ",]} \t\r\n".indexOf(json.charAt(at)) < 0) {
        at++;
      }
      String scalar = json.substring(start, at);
      if (scalar.isEmpty()) {
        throw new IllegalArgumentException("unexpected '" + c + "' in JSON");
      }
      return scalar.equals("null") ? null : scalar;
    }

    private Map<String, Object> container(boolean list) {
      at++;
      Map<String, Object> node = new LinkedHashMap<>();
      skipBlanks();
      char close = list ? ']' : '}';
      if (!atEnd() && json.charAt(at) == close) {
        at++;
        return node;
      }
      while (true) {
        String key;
        if (list) {
          key = String.valueOf(node.size());
        } else {
          skipBlanks();
          key = string();
          skipBlanks();
          expect(':');
        }
        node.put(key, value());
        skipBlanks();
        if (!atEnd() && json.charAt(at) == ',') {
          at++;
          continue;
        }
        expect(close);
        return node;
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw new IllegalArgumentException("unterminated string in JSON");
        }
        char c = json.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (atEnd()) {
          throw new IllegalArgumentException("unterminated escape in JSON");
        }
        char e = json.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (at + 4 > json.length()) {
              throw new IllegalArgumentException("short unicode escape in JSON");
            }
            out.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e);
        }
      }
    }

    private void expect(char c) {
      if (atEnd() || json.charAt(at) != c) {
        throw new IllegalArgumentException("expected '" + c + "' in JSON");
      }
      at++;
    }
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
