package dev.imbot.domain.bot;

import java.util.Optional;

/**
 * Reads the format and the pixel size of an image from its header alone. Pixels are never decoded:
 * a file of a few bytes can claim any size, so the size must be judged before anything would
 * allocate for it. Every read is bounds-checked; a short or malformed header yields empty.
 */
final class ImageHeaders {

  /**
   * The size an image header claims. Long, because PNG stores unsigned 32-bit sides.
   *
   * @param width the width in pixels, at least 1
   * @param height the height in pixels, at least 1
   */
  record Dimensions(long width, long height) {}

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  // Signature, then the IHDR chunk: length, type, 13 bytes of data, CRC.
  private static final int PNG_HEADER_LENGTH = 8 + 4 + 4 + 13 + 4;
  // Signature, then the logical screen descriptor.
  private static final int GIF_HEADER_LENGTH = 6 + 7;
  // "RIFF", file size, "WEBP", then the first chunk's type and size.
  private static final int WEBP_CHUNK = 12;
  private static final int WEBP_CHUNK_DATA = WEBP_CHUNK + 8;

  private ImageHeaders() {}

  /** The format the magic bytes announce, or empty when they announce none we accept. */
  static Optional<ImageFormat> sniff(byte[] data) {
    if (startsWith(data, 0, PNG_SIGNATURE)) {
      return Optional.of(ImageFormat.PNG);
    }
    if (data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
      return Optional.of(ImageFormat.JPEG);
    }
    if (startsWithAscii(data, 0, "GIF87a") || startsWithAscii(data, 0, "GIF89a")) {
      return Optional.of(ImageFormat.GIF);
    }
    if (startsWithAscii(data, 0, "RIFF") && startsWithAscii(data, 8, "WEBP")) {
      return Optional.of(ImageFormat.WEBP);
    }
    return Optional.empty();
  }

  /**
   * The size the header of {@code data}, known to be {@code format}, claims; empty when the header
   * is cut short, malformed, or claims a zero side.
   */
  static Optional<Dimensions> dimensions(ImageFormat format, byte[] data) {
    Dimensions dimensions =
        switch (format) {
          case PNG -> png(data);
          case JPEG -> jpeg(data);
          case GIF -> gif(data);
          case WEBP -> webp(data);
        };
    if (dimensions == null || dimensions.width() < 1 || dimensions.height() < 1) {
      return Optional.empty();
    }
    return Optional.of(dimensions);
  }

  private static Dimensions png(byte[] data) {
    // IHDR must come first and is always 13 bytes long; anything else is not a PNG we can trust.
    if (data.length < PNG_HEADER_LENGTH
        || u32be(data, 8) != 13
        || !startsWithAscii(data, 12, "IHDR")) {
      return null;
    }
    return new Dimensions(u32be(data, 16), u32be(data, 20));
  }

  private static Dimensions gif(byte[] data) {
    if (data.length < GIF_HEADER_LENGTH) {
      return null;
    }
    return new Dimensions(u16le(data, 6), u16le(data, 8));
  }

  private static Dimensions jpeg(byte[] data) {
    int pos = 2;
    while (true) {
      if (pos >= data.length || u8(data, pos) != 0xFF) {
        return null;
      }
      // Any number of 0xFF fill bytes may precede a marker.
      while (pos < data.length && u8(data, pos) == 0xFF) {
        pos++;
      }
      if (pos >= data.length) {
        return null;
      }
      int marker = u8(data, pos++);
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // TEM and RSTn stand alone, without a length
      }
      // A zero is a stuffed byte, never a marker; SOI, EOI or SOS before a frame header means
      // the frame size was never stated.
      if (marker == 0x00 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
        return null;
      }
      if (pos + 2 > data.length) {
        return null;
      }
      int length = u16be(data, pos);
      if (length < 2 || pos + length > data.length) {
        return null;
      }
      if (isStartOfFrame(marker)) {
        // Length, precision, height, width, component count.
        if (length < 8) {
          return null;
        }
        return new Dimensions(u16be(data, pos + 5), u16be(data, pos + 3));
      }
      pos += length;
    }
  }

  // SOF0..SOF15, except the codes the same range lends to DHT, JPG and DAC.
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static Dimensions webp(byte[] data) {
    if (data.length < WEBP_CHUNK_DATA) {
      return null;
    }
    int d = WEBP_CHUNK_DATA;
    if (startsWithAscii(data, WEBP_CHUNK, "VP8 ")) {
      // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit sides (top 2 bits are scale).
      if (data.length < d + 10
          || u8(data, d + 3) != 0x9D
          || u8(data, d + 4) != 0x01
          || u8(data, d + 5) != 0x2A) {
        return null;
      }
      return new Dimensions(u16le(data, d + 6) & 0x3FFF, u16le(data, d + 8) & 0x3FFF);
    }
    if (startsWithAscii(data, WEBP_CHUNK, "VP8L")) {
      // Lossless: signature 0x2F, then width-1 and height-1 as two 14-bit fields, LSB first.
      if (data.length < d + 5 || u8(data, d) != 0x2F) {
        return null;
      }
      long bits = u32le(data, d + 1);
      return new Dimensions((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
    }
    if (startsWithAscii(data, WEBP_CHUNK, "VP8X")) {
      // Extended: flags and reserved bytes, then the canvas width-1 and height-1 as 24-bit LE.
      if (data.length < d + 10) {
        return null;
      }
      return new Dimensions(u24le(data, d + 4) + 1L, u24le(data, d + 7) + 1L);
    }
    return null;
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (data.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithAscii(byte[] data, int offset, String prefix) {
    if (data.length < offset + prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[offset + i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // The readers below are only called after the caller checked the bounds.

  private static int u8(byte[] data, int offset) {
    return data[offset] & 0xFF;
  }

  private static int u16be(byte[] data, int offset) {
    return (u8(data, offset) << 8) | u8(data, offset + 1);
  }

  private static int u16le(byte[] data, int offset) {
    return u8(data, offset) | (u8(data, offset + 1) << 8);
  }

  private static int u24le(byte[] data, int offset) {
    return u16le(data, offset) | (u8(data, offset + 2) << 16);
  }

  private static long u32be(byte[] data, int offset) {
    return ((long) u16be(data, offset) << 16) | u16be(data, offset + 2);
  }

  private static long u32le(byte[] data, int offset) {
    return u16le(data, offset) | ((long) u16le(data, offset + 2) << 16);
  }
}
