package dev.imbot.adapter.console.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * View support: reads the JSON a message's {@code ATTACH} and {@code KEYBOARD} are stored as into
 * ordered maps, lists and strings (numbers, booleans and null as their text), enough to render
 * them. Anything unreadable reads as null: a page never fails on a stored extra.
 */
final class JsonTree {
  private final String json;
  private int at;

  private JsonTree(String json) {
    this.json = json;
  }

  /** The tree, or null when {@code json} is null or not JSON. */
  static Object read(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonTree reader = new JsonTree(json);
      Object value = reader.value();
      reader.blanks();
      return reader.at == json.length() ? value : null;
    } catch (IllegalStateException | IndexOutOfBoundsException | NumberFormatException bad) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static List<Object> list(Object node) {
    if (node instanceof List<?> list) {
      return List.copyOf(list);
    }
    return node instanceof Map<?, ?> ? List.of(node) : List.of();
  }

  static String text(Object node) {
    return node instanceof String s ? s : null;
  }

  private Object value() {
    blanks();
    char c = json.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      default -> literal();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    blanks();
    if (json.charAt(at) == '}') {
      at++;
      return map;
    }
    while (true) {
      blanks();
      String key = string();
      blanks();
      expect(':');
      map.put(key, value());
      blanks();
      if (json.charAt(at) == ',') {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    blanks();
    if (json.charAt(at) == ']') {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      blanks();
      if (json.charAt(at) == ',') {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder text = new StringBuilder();
    while (true) {
      char c = json.charAt(at++);
      if (c == '"') {
        return text.toString();
      }
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escaped = json.charAt(at++);
      switch (escaped) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          text.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
          at += 4;
        }
        default -> text.append(escaped);
      }
    }
  }

  private String literal() {
    int start = at;
    while (at < json.length() && ",}] \n\r\t".indexOf(json.charAt(at)) < 0) {
      at++;
    }
    if (start == at) {
      throw new IllegalStateException("a value is missing at " + at);
    }
    String word = json.substring(start, at);
    return word.equals("null") ? null : word;
  }

  private void expect(char c) {
    if (json.charAt(at) != c) {
      throw new IllegalStateException("expected " + c + " at " + at);
    }
    at++;
  }

  private void blanks() {
    while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
      at++;
    }
  }
}
