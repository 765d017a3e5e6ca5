package dev.imbot.adapter.rest.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one parameter decoder: query string plus body (form, multipart or JSON), body values winning
 * on conflict, reserved names ({@code auth}, {@code start}, …) kept for the transport.
 */
public final class RequestDecoder {
  /**
   * @param rawQuery the query string, still percent-encoded; null when none
   * @param contentType the request's Content-Type header; null when none
   * @param body the raw body; empty when none
   */
  public WireParameters decode(String rawQuery, String contentType, byte[] body) {
    WireParameters query = FormDecoder.decode(rawQuery);
    if (body == null || body.length == 0) {
      return query;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
    WireParameters fromBody;
    if (type.startsWith("application/json")) {
      fromBody = JsonBodyDecoder.decode(body);
    } else if (type.startsWith("multipart/form-data")) {
      fromBody = MultipartDecoder.decode(contentType, body);
    } else {
      // Form bodies, and bodies without a type, which older clients send as forms.
      fromBody = FormDecoder.decode(utf8(body));
    }
    return query.overlaidWith(fromBody);
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedRequestException("the form body is not UTF-8");
    }
  }
}
