package dev.imbot.adapter.rest.wire;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an {@code application/json} body into the same tree a form body gives: numbers become
 * their text ({@code 39} → {@code "39"}), booleans {@code "Y"}/{@code "N"} (Bitrix24's flags),
 * arrays maps keyed by index, and {@code null} means "not sent".
 */
public final class JsonBodyDecoder {
  private final JsonMapper mapper;

  public JsonBodyDecoder(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public WireParameters decode(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readValue(body, JsonNode.class);
    } catch (IOException | RuntimeException e) {
      throw new MalformedRequestException("malformed JSON body");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedRequestException("the JSON body must be an object");
    }
    ParameterTreeBuilder tree = new ParameterTreeBuilder();
    for (Map.Entry<String, JsonNode> entry : root.entries()) {
      Object value = convert(entry.getValue(), 1);
      if (value != null) {
        tree.addTree(entry.getKey(), value);
      }
    }
    return tree.build();
  }

  private static Object convert(JsonNode node, int depth) {
    if (depth > ParameterTreeBuilder.MAX_DEPTH) {
      throw new MalformedRequestException(
          "parameters nested deeper than " + ParameterTreeBuilder.MAX_DEPTH);
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.getStringValue();
    }
    if (node.isBoolean()) {
      return node.getBooleanValue() ? "Y" : "N";
    }
    if (node.isNumber()) {
      return numberText(node);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    if (node.isArray()) {
      int index = 0;
      for (JsonNode element : node.values()) {
        Object value = convert(element, depth + 1);
        if (value != null) {
          map.put(Integer.toString(index), value);
        }
        index++;
      }
    } else {
      for (Map.Entry<String, JsonNode> entry : node.entries()) {
        Object value = convert(entry.getValue(), depth + 1);
        if (value != null) {
          map.put(entry.getKey(), value);
        }
      }
    }
    return map;
  }

  private static String numberText(JsonNode node) {
    Number number = node.getNumberValue();
    if (number instanceof java.math.BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
    return number.toString();
  }
}
