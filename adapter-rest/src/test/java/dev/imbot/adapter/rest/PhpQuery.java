package dev.imbot.adapter.rest;

import dev.imbot.domain.delivery.FormFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: PHP's {@code http_build_query} (what CRest sends): nested arrays as {@code
 * a[b][c]=v} with the brackets percent-encoded, every value through PHP's {@code urlencode} (RFC
 * 1738: letters, digits and {@code -_.} stay, a space is {@code +}, everything else {@code %XX} in
 * upper case, UTF-8). Lists are keyed by index, {@code null} values are left out as PHP does.
 */
final class PhpQuery {
  private PhpQuery() {}

  /** {@code http_build_query($params)}. */
  static String build(Map<String, ?> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((key, value) -> append(out, urlencode(key), value));
    return out.toString();
  }

  private static void append(StringBuilder out, String encodedKey, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, nested) ->
              append(out, encodedKey + "%5B" + urlencode(String.valueOf(key)) + "%5D", nested));
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        append(out, encodedKey + "%5B" + i + "%5D", list.get(i));
      }
      return;
    }
    if (out.length() > 0) {
      out.append('&');
    }
    String text =
        value instanceof Boolean flag
            ? (flag ? "1" : "0")
            : value instanceof Json.JsonNumber number ? number.text() : String.valueOf(value);
    out.append(encodedKey).append('=').append(urlencode(text));
  }

  /**
   * The same parameters as multipart form fields, name and value, names in PHP's bracket syntax
   * unencoded ({@code PROPERTIES[NAME]}); scalars of a list as {@code name[]}, maps in a list as
   * {@code name[i][...]}; {@code null} values left out.
   */
  static List<String[]> multipartFields(Map<String, ?> params) {
    List<String[]> fields = new ArrayList<>();
    addFields("", params, fields);
    return fields;
  }

  private static void addFields(String prefix, Map<?, ?> params, List<String[]> fields) {
    params.forEach(
        (key, value) -> {
          String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "[" + key + "]";
          if (value instanceof Map<?, ?> nested) {
            addFields(name, nested, fields);
          } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
              Object element = list.get(i);
              if (element instanceof Map<?, ?> nested) {
                addFields(name + "[" + i + "]", nested, fields);
              } else {
                fields.add(new String[] {name + "[]", String.valueOf(element)});
              }
            }
          } else if (value != null) {
            fields.add(
                new String[] {
                  name, value instanceof Json.JsonNumber n ? n.text() : String.valueOf(value)
                });
          }
        });
  }

  /** PHP's {@code urlencode}: the one the service's event bodies use. */
  static String urlencode(String text) {
    return FormFields.urlencode(text);
  }

  /** An ordered map from alternating keys and values, for readable parameter literals. */
  static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
