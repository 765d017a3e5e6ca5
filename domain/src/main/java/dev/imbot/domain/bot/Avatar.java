package dev.imbot.domain.bot;

import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A bot's avatar: a PNG, JPEG, GIF or WebP image of at most {@value #MAX_BYTES} bytes and {@value
 * #MAX_SIDE} pixels a side, as sent in {@code PROPERTIES[PERSONAL_PHOTO]}.
 *
 * @param bytes the image file, never empty; copied in and out, so an avatar cannot be changed
 * @param format the format the magic bytes announce
 * @param width the width in pixels the header claims
 * @param height the height in pixels the header claims
 */
public record Avatar(byte[] bytes, ImageFormat format, int width, int height) {

  /** The largest image accepted, in bytes: 1 MiB. */
  public static final int MAX_BYTES = 1_048_576;

  /** The longest side accepted, in pixels. */
  public static final int MAX_SIDE = 5000;

  /** The wire name of the field an avatar arrives in, as rejections name it. */
  public static final String FIELD = "PROPERTIES[PERSONAL_PHOTO]";

  private static final String NOT_BASE64 = "must be base64";
  private static final String NOT_AN_IMAGE = "must be a PNG, JPEG, GIF or WebP image";
  private static final String TOO_LARGE = "must be at most 1 MiB";
  private static final String TOO_MANY_PIXELS =
      "must be at most " + MAX_SIDE + "x" + MAX_SIDE + " pixels";
  private static final String DAMAGED = "has a damaged image header";

  public Avatar {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("bytes must hold 1 to " + MAX_BYTES + " bytes");
    }
    if (format == null) {
      throw new IllegalArgumentException("format must not be null");
    }
    if (width < 1 || width > MAX_SIDE) {
      throw new IllegalArgumentException("width must be between 1 and " + MAX_SIDE);
    }
    if (height < 1 || height > MAX_SIDE) {
      throw new IllegalArgumentException("height must be between 1 and " + MAX_SIDE);
    }
    bytes = bytes.clone();
  }

  /**
   * Reads an avatar from the wire: base64, optionally behind a {@code data:...;base64,} prefix,
   * with any ASCII whitespace, padded or not. The format and size come from the image header, never
   * from the prefix and never from decoding pixels.
   *
   * @throws IllegalArgumentException if {@code encoded} is null or blank, which callers read as "no
   *     avatar" before calling
   * @throws RejectedException ({@link RequestRejectionReason#FIELD_INVALID}) if it is not base64,
   *     too large, not an accepted image, has a damaged header, or claims too many pixels
   */
  public static Avatar fromBase64(String encoded) {
    return fromBase64(encoded, FIELD);
  }

  /** As {@link #fromBase64(String)}, naming {@code field} in rejections. */
  public static Avatar fromBase64(String encoded, String field) {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("encoded must not be blank");
    }
    byte[] bytes = decode(encoded, field);
    ImageFormat format = ImageHeaders.sniff(bytes).orElseThrow(() -> reject(field, NOT_AN_IMAGE));
    ImageHeaders.Dimensions size =
        ImageHeaders.dimensions(format, bytes).orElseThrow(() -> reject(field, DAMAGED));
    if (size.width() > MAX_SIDE || size.height() > MAX_SIDE) {
      throw reject(field, TOO_MANY_PIXELS);
    }
    return new Avatar(bytes, format, (int) size.width(), (int) size.height());
  }

  private static byte[] decode(String encoded, String field) {
    int start = payloadStart(encoded, field);
    // Measure before copying or decoding, so an oversized string costs one scan and no memory.
    int significant = 0;
    int padding = 0;
    for (int i = start; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (!isAsciiWhitespace(c)) {
        significant++;
        padding = c == '=' ? padding + 1 : 0;
      }
    }
    if (padding > 2) {
      throw reject(field, NOT_BASE64);
    }
    if (decodedLength(significant - padding) > MAX_BYTES) {
      throw reject(field, TOO_LARGE);
    }
    StringBuilder payload = new StringBuilder(significant);
    for (int i = start; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (!isAsciiWhitespace(c)) {
        payload.append(c);
      }
    }
    try {
      // The basic decoder rejects any character outside the alphabet and accepts a missing pad.
      return Base64.getDecoder().decode(payload.toString());
    } catch (IllegalArgumentException notBase64) {
      throw reject(field, NOT_BASE64);
    }
  }

  /** Where the base64 starts: after a {@code data:...;base64,} prefix if there is one. */
  private static int payloadStart(String encoded, String field) {
    int start = 0;
    while (start < encoded.length() && isAsciiWhitespace(encoded.charAt(start))) {
      start++;
    }
    if (!encoded.regionMatches(true, start, "data:", 0, 5)) {
      return 0;
    }
    int comma = encoded.indexOf(',', start);
    String marker = ";base64";
    if (comma < 0 || !encoded.regionMatches(true, comma - marker.length(), marker, 0, 7)) {
      throw reject(field, NOT_BASE64);
    }
    return comma + 1;
  }

  // Four characters carry three bytes; a trailing group of two or three carries one or two.
  private static long decodedLength(long dataCharacters) {
    return dataCharacters / 4 * 3 + Math.max(0, dataCharacters % 4 - 1);
  }

  // PHP's chunk_split wraps base64 with CRLF; other clients use spaces, tabs or bare LF.
  private static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  private static RejectedException reject(String field, String rule) {
    return InvalidField.of(field, rule).toException();
  }

  /** A copy of the image file, so the avatar stays as it was read. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes of the image file, without copying it. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Avatar that
        && format == that.format
        && width == that.width
        && height == that.height
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, width, height) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Avatar[format="
        + format
        + ", width="
        + width
        + ", height="
        + height
        + ", size="
        + bytes.length
        + " bytes]";
  }
}
