package dev.imbot.adapter.rest.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a Bitrix answer body as JSON bytes: maps (in their order), lists, strings, whole numbers,
 * decimals, booleans and nulls, which is all an envelope holds.
 *
 * <p>Straight onto Jackson's generator rather than through the serde mapper: the mapper looks up a
 * serializer for every value at run time, and for {@code imbot.bot.list} (a thousand little maps)
 * that lookup cost more than reading the bots. The bytes are the mapper's (held to it by {@code
 * EnvelopeWriterTest}).
 */
public final class EnvelopeWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private EnvelopeWriter() {}

  /**
   * A JSON object of fixed keys: the writer reads its values by position, its keys already quoted,
   * instead of iterating entries (checked before {@link Map}, so a result that is both, for batch
   * to walk, is written this way). For the thousand entries of {@code imbot.bot.list}, map
   * iteration (an iterator and an entry per key, calls that no longer inline once a second map type
   * passes through) cost more than the writing.
   */
  public interface FixedObject {
    /** The keys in writing order, made once per type with {@link #keys(String...)}. */
    SerializableString[] keys();

    /** The value of {@code keys()[index]}. */
    Object value(int index);
  }

  /**
   * The keys of a {@link FixedObject} type, quoted once.
   *
   * @throws IllegalArgumentException for a name other than ASCII letters, digits and {@code _}: a
   *     pre-quoted name skips the generator's escaping, which for other characters (a surrogate
   *     pair, say) differs from the mapper's
   */
  public static SerializableString[] keys(String... names) {
    SerializableString[] keys = new SerializableString[names.length];
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty()
          || !names[i]
              .chars()
              .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        throw new IllegalArgumentException("not a plain key: " + names[i]);
      }
      keys[i] = new SerializedString(names[i]);
    }
    return keys;
  }

  /**
   * The JSON of {@code value}.
   *
   * @throws IllegalArgumentException when it holds anything else (a map key that is not a string, a
   *     record, ...)
   */
  public static byte[] write(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof FixedObject fixed) {
      SerializableString[] keys = fixed.keys();
      generator.writeStartObject();
      for (int i = 0; i < keys.length; i++) {
        generator.writeFieldName(keys[i]);
        write(generator, fixed.value(i));
      }
      generator.writeEndObject();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("not a JSON object key: " + entry.getKey());
        }
        generator.writeFieldName(key);
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      generator.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      generator.writeNumber(number);
    } else {
      throw new IllegalArgumentException("not an envelope value: " + value.getClass().getName());
    }
  }
}
