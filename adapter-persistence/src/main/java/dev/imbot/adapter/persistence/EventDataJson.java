package dev.imbot.adapter.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.imbot.domain.event.EventData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code data[...]} tree of an event as stored: a JSON object whose values are strings or
 * nested objects, in the tree's order (JSON text keeps the order; PostgreSQL's {@code jsonb} would
 * not, which is one reason the column is text).
 */
final class EventDataJson {
  private static final JsonFactory JSON = new JsonFactory();

  private EventDataJson() {}

  static String write(EventData data) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      write(json, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static EventData read(String text) {
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("stored event data is not a JSON object");
      }
      EventData data = read(json);
      if (json.nextToken() != null) {
        throw new IllegalStateException("stored event data has text after its object");
      }
      return data;
    } catch (IOException e) {
      throw new IllegalStateException("stored event data is not valid JSON", e);
    }
  }

  private static void write(JsonGenerator json, EventData data) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, Object> entry : data.asMap().entrySet()) {
      json.writeFieldName(entry.getKey());
      if (entry.getValue() instanceof EventData nested) {
        write(json, nested);
      } else {
        json.writeString((String) entry.getValue());
      }
    }
    json.writeEndObject();
  }

  /** Reads the object whose START_OBJECT was just read, up to and with its END_OBJECT. */
  private static EventData read(JsonParser json) throws IOException {
    EventData.Builder data = EventData.builder();
    for (JsonToken token = json.nextToken();
        token != JsonToken.END_OBJECT;
        token = json.nextToken()) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.START_OBJECT) {
        data.put(key, read(json));
      } else if (value == JsonToken.VALUE_STRING) {
        data.put(key, json.getText());
      } else {
        throw new IllegalStateException("stored event data holds a " + value + " at " + key);
      }
    }
    return data.build();
  }
}
