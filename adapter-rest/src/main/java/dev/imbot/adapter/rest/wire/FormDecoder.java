package dev.imbot.adapter.rest.wire;

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
    // One byte array, sized for the worst case (a raw character is at most 3 UTF-8 bytes): this
    // runs for nearly every parameter of a form body, so it allocates as little as it can.
    byte[] bytes = new byte[text.length() * 3];
    int length = 0;
    boolean ascii = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes[length++] = ' ';
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
        int b = hi << 4 | lo;
        ascii &= b < 0x80;
        bytes[length++] = (byte) b;
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        // A raw non-ASCII character (rare: clients escape them), encoded as the JDK does.
        boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length();
        byte[] raw = text.substring(i, pair ? i + 2 : i + 1).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, bytes, length, raw.length);
        length += raw.length;
        ascii = false;
        if (pair) {
          i++;
        }
      }
    }
    if (ascii) {
      return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedRequestException("broken percent-encoding: not UTF-8");
    }
  }
}
