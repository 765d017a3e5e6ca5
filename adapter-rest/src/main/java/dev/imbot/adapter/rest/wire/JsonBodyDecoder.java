package dev.imbot.adapter.rest.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes an {@code application/json} body into the same tree a form body gives: numbers become
 * their text ({@code 39} → {@code "39"}, {@code 39.0} → {@code "39"}), booleans {@code "Y"}/{@code
 * "N"} (Bitrix24's flags), arrays maps keyed by index, and {@code null} means "not sent". Read with
 * Jackson's streaming parser (the one under the HTTP stack's JSON mapper), strictly: exactly one
 * JSON object, nothing after it, nested at most {@link ParameterTreeBuilder#MAX_DEPTH} deep.
 */
public final class JsonBodyDecoder {
  /** Decimals with a larger exponent keep their exponent rather than expand to huge text. */
  private static final int MAX_PLAIN_EXPONENT = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(ParameterTreeBuilder.MAX_DEPTH + 2)
                  .build())
          .build();

  private JsonBodyDecoder() {}

  public static WireParameters decode(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedRequestException("the JSON body must be an object");
      }
      ParameterTreeBuilder tree = new ParameterTreeBuilder();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String name = parser.currentName();
        Object value = read(parser, parser.nextToken(), 1);
        if (value != null) {
          tree.addTree(name, value);
        }
      }
      if (parser.nextToken() != null) {
        throw new MalformedRequestException("malformed JSON body: content after the object");
      }
      return tree.build();
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedRequestException malformed) {
        throw malformed;
      }
      throw new MalformedRequestException("malformed JSON body");
    }
  }

  /**
   * A JSON text sent inside a parameter (say {@code ATTACH} as a string) as the same kind of tree;
   * empty when the text is not one JSON value.
   */
  public static Optional<Object> decodeValue(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      Object value = read(parser, first, 1);
      if (parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.ofNullable(value);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Object read(JsonParser parser, JsonToken token, int depth) throws IOException {
    if (depth > ParameterTreeBuilder.MAX_DEPTH) {
      throw new MalformedRequestException(
          "parameters nested deeper than " + ParameterTreeBuilder.MAX_DEPTH);
    }
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_TRUE:
        return "Y";
      case VALUE_FALSE:
        return "N";
      case VALUE_NUMBER_INT:
        return parser.getText();
      case VALUE_NUMBER_FLOAT:
        return decimalText(parser.getDecimalValue());
      case START_ARRAY:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          int index = 0;
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            Object value = read(parser, t, depth + 1);
            if (value != null) {
              map.put(Integer.toString(index), value);
            }
            index++;
          }
          return map;
        }
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            Object value = read(parser, parser.nextToken(), depth + 1);
            if (value != null) {
              map.put(name, value);
            }
          }
          return map;
        }
      default:
        throw new MalformedRequestException("malformed JSON body");
    }
  }

  /**
   * A decimal as PHP would print a whole float ({@code 39.0} → {@code 39}), never expanded huge.
   */
  private static String decimalText(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    return Math.abs(exponent) <= MAX_PLAIN_EXPONENT
        ? stripped.toPlainString()
        : stripped.toString();
  }
}
