package dev.imbot.adapter.rest.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes query strings and {@code application/x-www-form-urlencoded} bodies, strictly: a broken
 * percent escape or bytes that are not UTF-8 are refused rather than guessed at.
 */
public final class FormDecoder {
  private FormDecoder() {}

  /** Decodes {@code a=1&b[c]=2} into a parameter tree. */
  public static WireParameters decode(String encoded) {
    ParameterTreeBuilder tree = new ParameterTreeBuilder();
    addPairs(encoded, tree);
    return tree.build();
  }

  static void addPairs(String encoded, ParameterTreeBuilder tree) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      if (!name.isEmpty()) {
        tree.add(name, value);
      }
    }
  }

  /** Decodes {@code %XX} escapes and {@code +} as a space, refusing broken input. */
  public static String percentDecode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new MalformedRequestException("broken percent-encoding: truncated escape");
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new MalformedRequestException(
              "broken percent-encoding: '%" + text.charAt(i + 1) + text.charAt(i + 2) + "'");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          raw = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.write(raw, 0, raw.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedRequestException("broken percent-encoding: not UTF-8");
    }
  }
}
