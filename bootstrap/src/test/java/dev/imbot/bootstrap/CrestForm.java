package dev.imbot.bootstrap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Test data: form bodies as CRest sends them, PHP's {@code http_build_query}: names and values
 * percent-encoded in UTF-8 (brackets included), spaces as {@code +}.
 */
final class CrestForm {
  private final Map<String, String> fields = new LinkedHashMap<>();

  private CrestForm() {}

  static CrestForm of() {
    return new CrestForm();
  }

  /**
   * The README's "first bot in one minute": the seed's example through an inbound webhook, where
   * {@code CLIENT_ID} names the application.
   */
  static CrestForm seedExample(String clientId) {
    return of().field("CODE", "newbot")
        .field("TYPE", "B")
        .field("EVENT_HANDLER", "http://www.hazz/chatApi/event.php")
        .field("OPENLINE", "Y")
        .field("CLIENT_ID", clientId)
        .field("PROPERTIES[NAME]", "NewBot")
        .field("PROPERTIES[LAST_NAME]", "")
        .field("PROPERTIES[COLOR]", "GREEN")
        .field("PROPERTIES[EMAIL]", "test@test.ru")
        .field("PROPERTIES[PERSONAL_BIRTHDAY]", "2016-03-11")
        .field("PROPERTIES[WORK_POSITION]", "Лучший сотрудник")
        .field("PROPERTIES[PERSONAL_WWW]", "http://test.ru")
        .field("PROPERTIES[PERSONAL_GENDER]", "F");
  }

  /** A small valid registration through a webhook: a code, a name and one handler for all. */
  static CrestForm minimal(String clientId, String code) {
    return of().field("CODE", code)
        .field("EVENT_HANDLER", "https://bot.example.com/handler")
        .field("CLIENT_ID", clientId)
        .field("PROPERTIES[NAME]", "Bot " + code);
  }

  CrestForm field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  String encoded() {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }

  @Override
  public String toString() {
    return encoded();
  }
}
