package dev.imbot.domain.bot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Test images for avatars: real files written by {@link ImageIO}, and hand-made headers for sizes
 * too large to render or formats ImageIO cannot write. Shared with other modules via the test-jar.
 */
public final class TestImages {

  /** Bytes of {@link #jpegHeader} up to the end of the frame header: SOI, APP0, DHT, fill, SOF0. */
  public static final int JPEG_HEADER_LENGTH = 2 + 18 + 6 + 3 + 19;

  private TestImages() {}

  /** A real PNG of {@code width}×{@code height} pixels. */
  public static byte[] png(int width, int height) {
    return write(width, height, "png");
  }

  /** A real baseline JPEG of {@code width}×{@code height} pixels. */
  public static byte[] jpeg(int width, int height) {
    return write(width, height, "jpeg");
  }

  /** A real GIF of {@code width}×{@code height} pixels. */
  public static byte[] gif(int width, int height) {
    return write(width, height, "gif");
  }

  /** {@link #png} as plain base64, the way a client sends {@code PERSONAL_PHOTO}. */
  public static String pngBase64(int width, int height) {
    return base64(png(width, height));
  }

  /** {@link #jpeg} as plain base64. */
  public static String jpegBase64(int width, int height) {
    return base64(jpeg(width, height));
  }

  /** {@link #gif} as plain base64. */
  public static String gifBase64(int width, int height) {
    return base64(gif(width, height));
  }

  /** Standard padded base64 of {@code bytes}, on one line. */
  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * A PNG signature, IHDR chunk (with a correct CRC) and IEND, without pixel data: 45 bytes that
   * claim any size up to 2^32-1 a side.
   */
  public static byte[] pngHeader(long width, long height) {
    byte[] ihdr = new byte[13];
    putU32be(ihdr, 0, width);
    putU32be(ihdr, 4, height);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // truecolour
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        pngChunk("IHDR", ihdr),
        pngChunk("IEND", new byte[0]));
  }

  /** A GIF89a header, logical screen descriptor and trailer, claiming any size up to 65535. */
  public static byte[] gifHeader(int width, int height) {
    byte[] gif = new byte[14];
    ascii(gif, 0, "GIF89a");
    gif[6] = (byte) width;
    gif[7] = (byte) (width >>> 8);
    gif[8] = (byte) height;
    gif[9] = (byte) (height >>> 8);
    gif[13] = 0x3B; // trailer
    return gif;
  }

  /**
   * A JPEG that walks the marker paths a parser must handle before the frame header: SOI, an APP0
   * JFIF segment, a DHT segment (0xC4, not a frame), a fill byte, a standalone RST0, then SOF0, SOS
   * and EOI. Its header ends at {@link #JPEG_HEADER_LENGTH}.
   */
  public static byte[] jpegHeader(int width, int height) {
    return jpegHeader(0xC0, width, height);
  }

  /** {@link #jpegHeader} with another frame marker, e.g. 0xC2 for a progressive JPEG. */
  public static byte[] jpegHeader(int frameMarker, int width, int height) {
    byte[] app0 = {
      (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
    };
    byte[] dht = {(byte) 0xFF, (byte) 0xC4, 0, 4, 0, 0};
    byte[] fillAndRst0 = {(byte) 0xFF, (byte) 0xFF, (byte) 0xD0};
    byte[] sof = {
      (byte) 0xFF,
      (byte) frameMarker,
      0,
      17,
      8,
      (byte) (height >>> 8),
      (byte) height,
      (byte) (width >>> 8),
      (byte) width,
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1
    };
    byte[] sosAndEoi = {(byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9};
    return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, dht, fillAndRst0, sof, sosAndEoi);
  }

  /**
   * A lossy WebP ({@code VP8 } chunk) header claiming {@code width}×{@code height}, up to 16383.
   */
  public static byte[] webpLossy(int width, int height) {
    byte[] data = new byte[10];
    data[3] = (byte) 0x9D;
    data[4] = 0x01;
    data[5] = 0x2A;
    putU16le(data, 6, width);
    putU16le(data, 8, height);
    return webp("VP8 ", data);
  }

  /** A lossless WebP ({@code VP8L} chunk) header claiming {@code width}×{@code height}. */
  public static byte[] webpLossless(int width, int height) {
    long bits = (width - 1L) | ((height - 1L) << 14);
    byte[] data = new byte[6];
    data[0] = 0x2F;
    for (int i = 0; i < 4; i++) {
      data[1 + i] = (byte) (bits >>> (8 * i));
    }
    return webp("VP8L", data);
  }

  /**
   * An extended WebP ({@code VP8X} chunk) header claiming a canvas of {@code width}×{@code height}.
   */
  public static byte[] webpExtended(int width, int height) {
    byte[] data = new byte[10];
    putU24le(data, 4, width - 1);
    putU24le(data, 7, height - 1);
    return webp("VP8X", data);
  }

  /** {@code image} followed by zeros up to {@code length} bytes, as trailing data after a file. */
  public static byte[] padded(byte[] image, int length) {
    return Arrays.copyOf(image, length);
  }

  private static byte[] write(int width, int height, String format) {
    // JPEG has no alpha, so an RGB image suits every writer.
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x + y) % 2 == 0 ? Color.ORANGE.getRGB() : Color.BLUE.getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] webp(String chunkType, byte[] chunkData) {
    byte[] riff = new byte[12 + 8];
    ascii(riff, 0, "RIFF");
    putU32le(riff, 4, 4 + 8 + chunkData.length);
    ascii(riff, 8, "WEBP");
    ascii(riff, 12, chunkType);
    putU32le(riff, 16, chunkData.length);
    return concat(riff, chunkData);
  }

  private static byte[] pngChunk(String type, byte[] data) {
    byte[] chunk = new byte[4 + 4 + data.length + 4];
    putU32be(chunk, 0, data.length);
    ascii(chunk, 4, type);
    System.arraycopy(data, 0, chunk, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, 4 + data.length);
    putU32be(chunk, 8 + data.length, crc.getValue());
    return chunk;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static void ascii(byte[] target, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  private static void putU16le(byte[] target, int offset, int value) {
    target[offset] = (byte) value;
    target[offset + 1] = (byte) (value >>> 8);
  }

  private static void putU24le(byte[] target, int offset, int value) {
    putU16le(target, offset, value);
    target[offset + 2] = (byte) (value >>> 16);
  }

  private static void putU32le(byte[] target, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      target[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  private static void putU32be(byte[] target, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      target[offset + i] = (byte) (value >>> (8 * (3 - i)));
    }
  }
}
