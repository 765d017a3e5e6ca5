package dev.imbot.domain.delivery;

import dev.imbot.domain.event.EventData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields of an event's body in the order they are sent, with PHP's bracket names ({@code
 * data[BOT][42][BOT_CODE]}); {@link #encode()} writes them as PHP's {@code http_build_query} does,
 * so a handler reads every value as a string with {@code $_REQUEST} or {@code parse_str}.
 */
public final class FormFields {
  private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

  /** One field: its bracket name and its string value. */
  public record Field(String name, String value) {
    public Field {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a form field needs a name");
      }
      Objects.requireNonNull(value, "value");
    }
  }

  private final List<Field> fields;

  private FormFields(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Field> fields() {
    return fields;
  }

  /** The first value named {@code name}, or null. */
  public String value(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .map(Field::value)
        .findFirst()
        .orElse(null);
  }

  /**
   * The body as {@code application/x-www-form-urlencoded} in PHP's form: names and values through
   * PHP's {@code urlencode} (letters, digits and {@code -_.} stay, a space is {@code +}, anything
   * else {@code %XX} of its UTF-8 bytes, brackets included), pairs joined by {@code &}.
   */
  public String encode() {
    FormBody body = new FormBody(fields.size() * 32);
    fields.forEach(field -> body.field(field.name(), field.value()));
    return body.toText();
  }

  /** PHP's {@code urlencode}. */
  public static String urlencode(String text) {
    FormBody body = new FormBody(text.length() + 16);
    body.urlencode(text);
    return body.toText();
  }

  /**
   * The fields as PHP's {@code parse_str} reads them: a tree of ordered maps whose leaves are
   * strings, {@code data[BOT][42][BOT_CODE]} under {@code data}, {@code BOT}, {@code 42}. An empty
   * key ({@code a[]}) appends with the next free number; a later field of the same name wins.
   */
  public Map<String, Object> asTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Field field : fields) {
      List<String> path = path(field.name());
      Map<String, Object> node = tree;
      for (int i = 0; i < path.size(); i++) {
        String key = path.get(i).isEmpty() ? Integer.toString(nextIndex(node)) : path.get(i);
        if (i == path.size() - 1) {
          node.put(key, field.value());
        } else {
          Object child = node.get(key);
          if (!(child instanceof Map<?, ?>)) {
            child = new LinkedHashMap<String, Object>();
            node.put(key, child);
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> next = (Map<String, Object>) child;
          node = next;
        }
      }
    }
    return tree;
  }

  /**
   * {@code data[BOT][42]} → {@code data}, {@code BOT}, {@code 42}; a name without brackets alone.
   */
  private static List<String> path(String name) {
    int open = name.indexOf('[');
    if (open <= 0 || !name.endsWith("]")) {
      return List.of(name);
    }
    List<String> path = new ArrayList<>();
    path.add(name.substring(0, open));
    for (String key : name.substring(open + 1, name.length() - 1).split("\\]\\[", -1)) {
      path.add(key);
    }
    return path;
  }

  private static int nextIndex(Map<String, Object> node) {
    int next = 0;
    for (String key : node.keySet()) {
      if (INDEX.matcher(key).matches()) {
        next = Math.max(next, Integer.parseInt(key) + 1);
      }
    }
    return next;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormFields other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return encode();
  }

  /** Adds fields in order; nested maps become bracket names. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    private Builder() {}

    public Builder add(String name, String value) {
      fields.add(new Field(name, value));
      return this;
    }

    /**
     * Adds {@code tree} under {@code prefix}: a string value as {@code prefix[key]}, a nested map
     * recursively as {@code prefix[key][...]}, in the map's iteration order.
     */
    public Builder addTree(String prefix, Map<String, ?> tree) {
      tree.forEach(
          (key, value) -> {
            String name = prefix + "[" + key + "]";
            if (value instanceof Map<?, ?> nested) {
              @SuppressWarnings("unchecked")
              Map<String, ?> typed = (Map<String, ?>) nested;
              addTree(name, typed);
            } else {
              add(name, String.valueOf(value));
            }
          });
      return this;
    }

    /**
     * Adds an event's tree under {@code prefix}, as {@link #addTree} does: {@code
     * data[BOT][42][…]}.
     */
    public Builder addData(String prefix, EventData data) {
      data.asMap()
          .forEach(
              (key, value) -> {
                String name = prefix + "[" + key + "]";
                if (value instanceof EventData nested) {
                  addData(name, nested);
                } else {
                  add(name, (String) value);
                }
              });
      return this;
    }

    public Builder addAll(FormFields other) {
      fields.addAll(other.fields);
      return this;
    }

    public FormFields build() {
      return new FormFields(fields);
    }
  }
}
