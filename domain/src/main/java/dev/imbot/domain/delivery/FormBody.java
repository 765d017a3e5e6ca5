package dev.imbot.domain.delivery;

import dev.imbot.domain.event.EventData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a form body as PHP's {@code http_build_query} does, straight into bytes: every attempt
 * renders one, and building each bracket name as a string, then the body as a string, then its
 * bytes was a tenth of the worker's CPU in a drain. A nested name's encoded prefix is kept and
 * extended in place ({@code data%5BBOT%5D%5B42%5D…}): PHP's {@code urlencode} works character by
 * character, so the encoding of a bracket name is the encodings of its parts joined.
 */
final class FormBody {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int length;
  private byte[] prefix = new byte[64];
  private int prefixLength;

  FormBody(int expected) {
    bytes = new byte[Math.max(expected, 16)];
  }

  /** A field named {@code name} as it is (brackets and all encoded). */
  FormBody field(String name, String value) {
    separate();
    urlencode(name);
    put((byte) '=');
    urlencode(value);
    return this;
  }

  /** The fields of {@code data} under {@code name}: {@code name[key]}, nested maps recursively. */
  FormBody data(String name, EventData data) {
    int mark = prefixLength;
    prefixLength = 0;
    appendPrefix(name);
    tree(data);
    prefixLength = mark;
    return this;
  }

  private void tree(EventData data) {
    data.asMap()
        .forEach(
            (key, value) -> {
              int mark = prefixLength;
              appendPrefixByte('%', '5', 'B');
              appendPrefix(key);
              appendPrefixByte('%', '5', 'D');
              if (value instanceof EventData nested) {
                tree(nested);
              } else {
                separate();
                ensure(prefixLength);
                System.arraycopy(prefix, 0, bytes, length, prefixLength);
                length += prefixLength;
                put((byte) '=');
                urlencode((String) value);
              }
              prefixLength = mark;
            });
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  String toText() {
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }

  /** PHP's {@code urlencode} of {@code text}, appended. */
  void urlencode(String text) {
    int size = text.length();
    ensure(size);
    for (int i = 0; i < size; i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.') {
        put((byte) c);
      } else if (c == ' ') {
        put((byte) '+');
      } else if (c < 0x80) {
        percent(c);
      } else if (c < 0x800) {
        percent(0xc0 | (c >> 6));
        percent(0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < size
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        percent(0xf0 | (code >> 18));
        percent(0x80 | ((code >> 12) & 0x3f));
        percent(0x80 | ((code >> 6) & 0x3f));
        percent(0x80 | (code & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate: '?' as String.getBytes(UTF_8) writes it.
        percent('?');
      } else {
        percent(0xe0 | (c >> 12));
        percent(0x80 | ((c >> 6) & 0x3f));
        percent(0x80 | (c & 0x3f));
      }
    }
  }

  private void separate() {
    if (length > 0) {
      put((byte) '&');
    }
  }

  /** Encodes {@code part} at the end of the prefix (through the body's buffer, then moved). */
  private void appendPrefix(String part) {
    int start = length;
    urlencode(part);
    int encoded = length - start;
    ensurePrefix(encoded);
    System.arraycopy(bytes, start, prefix, prefixLength, encoded);
    prefixLength += encoded;
    length = start;
  }

  private void appendPrefixByte(char a, char b, char c) {
    ensurePrefix(3);
    prefix[prefixLength++] = (byte) a;
    prefix[prefixLength++] = (byte) b;
    prefix[prefixLength++] = (byte) c;
  }

  private void percent(int b) {
    ensure(3);
    bytes[length++] = '%';
    bytes[length++] = HEX[b >> 4];
    bytes[length++] = HEX[b & 0xf];
  }

  private void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private void ensurePrefix(int more) {
    if (prefixLength + more > prefix.length) {
      prefix = Arrays.copyOf(prefix, Math.max(prefix.length * 2, prefixLength + more));
    }
  }
}
