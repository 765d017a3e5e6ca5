package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarTest {

  private static final String NOT_BASE64 = "must be base64";
  private static final String NOT_AN_IMAGE = "must be a PNG, JPEG, GIF or WebP image";
  private static final String TOO_LARGE = "must be at most 1 MiB";
  private static final String TOO_MANY_PIXELS = "must be at most 5000x5000 pixels";
  private static final String DAMAGED = "has a damaged image header";

  // Signature plus the whole IHDR chunk, and the GIF signature plus logical screen descriptor.
  private static final int PNG_HEADER_LENGTH = 33;
  private static final int GIF_HEADER_LENGTH = 13;
  // RIFF header, chunk header, then what each WebP variant needs of its chunk data.
  private static final int WEBP_LOSSY_HEADER_LENGTH = 30;
  private static final int WEBP_LOSSLESS_HEADER_LENGTH = 25;
  private static final int WEBP_EXTENDED_HEADER_LENGTH = 30;

  // --- real files and crafted headers are read right ---

  static Stream<Arguments> realImages() {
    return Stream.of(
        Arguments.of(ImageFormat.PNG, TestImages.png(3, 2)),
        Arguments.of(ImageFormat.JPEG, TestImages.jpeg(3, 2)),
        Arguments.of(ImageFormat.GIF, TestImages.gif(3, 2)));
  }

  @ParameterizedTest
  @MethodSource("realImages")
  void givenImageWrittenByImageIo_fromBase64_readsFormatAndSizeFromHeader(
      ImageFormat format, byte[] image) {
    Avatar avatar = Avatar.fromBase64(TestImages.base64(image));

    assertThat(avatar.format()).isEqualTo(format);
    assertThat(avatar.width()).isEqualTo(3);
    assertThat(avatar.height()).isEqualTo(2);
    assertThat(avatar.bytes()).isEqualTo(image);
  }

  static Stream<Arguments> webpVariants() {
    return Stream.of(
        Arguments.of("VP8", TestImages.webpLossy(300, 200)),
        Arguments.of("VP8L", TestImages.webpLossless(300, 200)),
        Arguments.of("VP8X", TestImages.webpExtended(300, 200)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("webpVariants")
  void givenWebpHeader_fromBase64_readsCanvasSize(String variant, byte[] image) {
    Avatar avatar = Avatar.fromBase64(TestImages.base64(image));

    assertThat(avatar.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(avatar.width()).isEqualTo(300);
    assertThat(avatar.height()).isEqualTo(200);
  }

  @Test
  void givenLossyWebpWithScaleBits_fromBase64_masksThemOff() {
    byte[] image = TestImages.webpLossy(300, 200);
    image[20 + 7] |= (byte) 0xC0; // top two bits of the width field are the horizontal scale
    image[20 + 9] |= (byte) 0x40;

    Avatar avatar = Avatar.fromBase64(TestImages.base64(image));

    assertThat(avatar.width()).isEqualTo(300);
    assertThat(avatar.height()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(ints = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC9, 0xCB, 0xCD, 0xCF})
  void givenJpegWithAnyFrameMarker_fromBase64_readsSizeBehindOtherSegments(int frameMarker) {
    Avatar avatar = Avatar.fromBase64(TestImages.base64(TestImages.jpegHeader(frameMarker, 7, 5)));

    assertThat(avatar.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(avatar.width()).isEqualTo(7);
    assertThat(avatar.height()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {0xC4, 0xC8, 0xCC})
  void givenJpegWhoseOnlyCandidateIsNotAFrameMarker_fromBase64_rejectsAsDamaged(int marker) {
    String encoded = TestImages.base64(TestImages.jpegHeader(marker, 7, 5));

    assertRejected(encoded, DAMAGED);
  }

  @Test
  void givenPngHeaderPaddedToItsSize_fromBase64_keepsTheWholeFile() {
    byte[] image = TestImages.padded(TestImages.pngHeader(10, 20), 4096);

    Avatar avatar = Avatar.fromBase64(TestImages.base64(image));

    assertThat(avatar.bytes()).isEqualTo(image);
    assertThat(avatar.size()).isEqualTo(4096);
  }

  // --- pixel limits ---

  static Stream<Arguments> headersClaiming50000Pixels() {
    return Stream.of(
        Arguments.of("PNG", TestImages.pngHeader(50_000, 50_000)),
        Arguments.of("GIF", TestImages.gifHeader(50_000, 50_000)),
        Arguments.of("JPEG", TestImages.jpegHeader(50_000, 50_000)),
        Arguments.of("WebP VP8X", TestImages.webpExtended(50_000, 50_000)),
        Arguments.of("WebP VP8L", TestImages.webpLossless(16_000, 16_000)),
        Arguments.of("WebP VP8", TestImages.webpLossy(16_000, 16_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headersClaiming50000Pixels")
  void givenTinyFileClaimingHugeSize_fromBase64_rejectsForPixels(String format, byte[] image) {
    assertThat(image.length).isLessThan(100);

    assertRejected(TestImages.base64(image), TOO_MANY_PIXELS);
  }

  static Stream<Arguments> headersClaimingOneSideTooLong() {
    return Stream.of(
        Arguments.of("5001x1", TestImages.pngHeader(5001, 1)),
        Arguments.of("1x5001", TestImages.pngHeader(1, 5001)),
        Arguments.of("2^32-1 square", TestImages.pngHeader(0xFFFF_FFFFL, 0xFFFF_FFFFL)),
        Arguments.of("2^31 wide", TestImages.pngHeader(0x8000_0000L, 1)),
        Arguments.of("VP8X 2^24 wide", TestImages.webpExtended(1 << 24, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headersClaimingOneSideTooLong")
  void givenOneSideBeyondLimit_fromBase64_rejectsForPixels(String claim, byte[] image) {
    assertRejected(TestImages.base64(image), TOO_MANY_PIXELS);
  }

  static Stream<Arguments> headersClaimingExactly5000() {
    return Stream.of(
        Arguments.of(ImageFormat.PNG, TestImages.pngHeader(5000, 5000)),
        Arguments.of(ImageFormat.GIF, TestImages.gifHeader(5000, 5000)),
        Arguments.of(ImageFormat.JPEG, TestImages.jpegHeader(5000, 5000)),
        Arguments.of(ImageFormat.WEBP, TestImages.webpLossy(5000, 5000)),
        Arguments.of(ImageFormat.WEBP, TestImages.webpLossless(5000, 5000)),
        Arguments.of(ImageFormat.WEBP, TestImages.webpExtended(5000, 5000)));
  }

  @ParameterizedTest
  @MethodSource("headersClaimingExactly5000")
  void givenHeaderClaimingExactly5000Square_fromBase64_accepts(ImageFormat format, byte[] image) {
    Avatar avatar = Avatar.fromBase64(TestImages.base64(image));

    assertThat(avatar.format()).isEqualTo(format);
    assertThat(avatar.width()).isEqualTo(5000);
    assertThat(avatar.height()).isEqualTo(5000);
  }

  static Stream<Arguments> headersClaimingAZeroSide() {
    return Stream.of(
        Arguments.of("PNG 0x10", TestImages.pngHeader(0, 10)),
        Arguments.of("GIF 10x0", TestImages.gifHeader(10, 0)),
        Arguments.of("JPEG 0x10", TestImages.jpegHeader(0, 10)),
        Arguments.of("VP8 10x0", TestImages.webpLossy(10, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headersClaimingAZeroSide")
  void givenHeaderClaimingZeroSide_fromBase64_rejectsAsDamaged(String claim, byte[] image) {
    assertRejected(TestImages.base64(image), DAMAGED);
  }

  // --- wire encoding ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "data:image/png;base64,",
        "DATA:IMAGE/PNG;BASE64,",
        "Data:image/jpeg;Base64,",
        "data:application/octet-stream;base64,",
        "data:;base64,",
        "  data:image/png;base64,"
      })
  void givenDataUriPrefix_fromBase64_acceptsAndTakesFormatFromBytes(String prefix) {
    Avatar avatar = Avatar.fromBase64(prefix + TestImages.pngBase64(3, 2));

    assertThat(avatar.format()).isEqualTo(ImageFormat.PNG);
    assertThat(avatar.width()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"data:image/png,", "data:image/png;base64", "data:image/png;utf8,"})
  void givenDataUriWithoutBase64Marker_fromBase64_rejectsAsNotBase64(String prefix) {
    assertRejected(prefix + TestImages.pngBase64(3, 2), NOT_BASE64);
  }

  @Test
  void givenBase64WrappedWithCrlfEvery76Chars_fromBase64_accepts() {
    byte[] image = TestImages.png(40, 40);
    // What PHP's chunk_split(base64_encode($file)) sends: CRLF after every 76 characters.
    String wrapped = Base64.getMimeEncoder().encodeToString(image) + "\r\n";
    assertThat(wrapped).contains("\r\n");
    assertThat(wrapped.split("\r\n")[0]).hasSize(76);

    Avatar avatar = Avatar.fromBase64(wrapped);

    assertThat(avatar.bytes()).isEqualTo(image);
  }

  @Test
  void givenBase64WithSpacesTabsAndBareNewlines_fromBase64_accepts() {
    String encoded = TestImages.pngBase64(3, 2);
    StringBuilder spaced = new StringBuilder(" \t\n");
    for (int i = 0; i < encoded.length(); i++) {
      spaced.append(encoded.charAt(i)).append(i % 3 == 0 ? " " : i % 3 == 1 ? "\t" : "\n");
    }

    assertThat(Avatar.fromBase64(spaced.toString()).width()).isEqualTo(3);
  }

  @Test
  void givenUnpaddedBase64_fromBase64_accepts() {
    byte[] image = TestImages.padded(TestImages.pngHeader(3, 2), 100); // 100 % 3 != 0: needs '='
    String unpadded = Base64.getEncoder().withoutPadding().encodeToString(image);
    assertThat(TestImages.base64(image)).endsWith("=");

    Avatar avatar = Avatar.fromBase64(unpadded);

    assertThat(avatar.bytes()).isEqualTo(image);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/* base64 image */",
        "iVBORw0KGgo!",
        "iVBORw0KGgo=AAAA",
        "iVBORw0KGgo===",
        "iVBORw0K=",
        "A",
        "iVBORw0KGgo_AAAA-",
        "iVBORw0KGgoÄ"
      })
  void givenTextThatIsNotBase64_fromBase64_rejectsAsNotBase64(String encoded) {
    assertRejected(encoded, NOT_BASE64);
  }

  @Test
  void givenBase64OfText_fromBase64_rejectsAsNotAnImage() {
    String text = Base64.getEncoder().encodeToString("hello, bot".getBytes(StandardCharsets.UTF_8));

    assertRejected(text, NOT_AN_IMAGE);
  }

  @Test
  void givenDataUriWithEmptyPayload_fromBase64_rejectsAsNotAnImage() {
    assertRejected("data:image/png;base64,", NOT_AN_IMAGE);
  }

  @Test
  void givenRiffFileThatIsNotWebp_fromBase64_rejectsAsNotAnImage() {
    byte[] wave = TestImages.webpLossy(3, 2);
    System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wave, 8, 4);

    assertRejected(TestImages.base64(wave), NOT_AN_IMAGE);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\r\n\t"})
  void givenNullOrBlank_fromBase64_throwsIllegalArgument(String encoded) {
    assertThatThrownBy(() -> Avatar.fromBase64(encoded))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("encoded must not be blank");
  }

  // --- byte limits ---

  @Test
  void givenStringEncodingOneMibAndOneByte_fromBase64_rejectsForSize() {
    byte[] image = TestImages.padded(TestImages.pngHeader(3, 2), Avatar.MAX_BYTES + 1);

    assertRejected(TestImages.base64(image), TOO_LARGE);
    assertRejected(Base64.getEncoder().withoutPadding().encodeToString(image), TOO_LARGE);
  }

  @Test
  void givenFiftyMegabytesOfNonBase64_fromBase64_rejectsForSizeWithoutDecoding() {
    // Were it decoded, the stars would fail as "must be base64"; the size check comes first.
    String huge = "*".repeat(50_000_000);

    assertRejected(huge, TOO_LARGE);
  }

  @Test
  void givenOversizedStringBehindDataUri_fromBase64_rejectsForSize() {
    assertRejected("data:image/png;base64," + "A".repeat(1_398_104), TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void givenExactlyOneMib_fromBase64_accepts(boolean padded) {
    byte[] image = TestImages.padded(TestImages.pngHeader(3, 2), Avatar.MAX_BYTES);
    Base64.Encoder encoder = padded ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();

    Avatar avatar = Avatar.fromBase64(encoder.encodeToString(image));

    assertThat(avatar.size()).isEqualTo(Avatar.MAX_BYTES);
    assertThat(avatar.bytes()).isEqualTo(image);
  }

  @Test
  void givenExactlyOneMibWrappedWithCrlf_fromBase64_accepts() {
    byte[] image = TestImages.padded(TestImages.pngHeader(3, 2), Avatar.MAX_BYTES);

    Avatar avatar = Avatar.fromBase64(Base64.getMimeEncoder().encodeToString(image));

    assertThat(avatar.size()).isEqualTo(Avatar.MAX_BYTES);
  }

  // --- damaged and truncated headers ---

  static Stream<Arguments> completeHeaders() {
    return Stream.of(
        Arguments.of("PNG", TestImages.png(3, 2), PNG_HEADER_LENGTH),
        Arguments.of("crafted PNG", TestImages.pngHeader(3, 2), PNG_HEADER_LENGTH),
        Arguments.of("GIF", TestImages.gif(3, 2), GIF_HEADER_LENGTH),
        Arguments.of("JPEG", TestImages.jpegHeader(3, 2), TestImages.JPEG_HEADER_LENGTH),
        Arguments.of("WebP VP8", TestImages.webpLossy(3, 2), WEBP_LOSSY_HEADER_LENGTH),
        Arguments.of("WebP VP8L", TestImages.webpLossless(3, 2), WEBP_LOSSLESS_HEADER_LENGTH),
        Arguments.of("WebP VP8X", TestImages.webpExtended(3, 2), WEBP_EXTENDED_HEADER_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completeHeaders")
  void givenHeaderCutAtAnyLength_fromBase64_rejectsAsFieldInvalid(
      String format, byte[] image, int headerLength) {
    for (int length = 0; length < headerLength; length++) {
      // The data URI keeps the empty cut from being blank, which would mean "no avatar".
      String encoded = "data:image/png;base64," + TestImages.base64(Arrays.copyOf(image, length));

      assertThatThrownBy(() -> Avatar.fromBase64(encoded))
          .as("%s cut to %d bytes", format, length)
          .isInstanceOfSatisfying(RejectedException.class, AvatarTest::assertPhotoRejection);
    }
    Avatar whole = Avatar.fromBase64(TestImages.base64(Arrays.copyOf(image, headerLength)));
    assertThat(whole.width()).isEqualTo(3);
    assertThat(whole.height()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("realImages")
  void givenRealFileCutAnywhere_fromBase64_readsItOrRejectsIt(ImageFormat format, byte[] image) {
    for (int length = 1; length <= image.length; length++) {
      String encoded = TestImages.base64(Arrays.copyOf(image, length));
      try {
        Avatar avatar = Avatar.fromBase64(encoded);
        assertThat(avatar.format()).isEqualTo(format);
        assertThat(avatar.width()).isEqualTo(3);
        assertThat(avatar.height()).isEqualTo(2);
      } catch (RejectedException rejected) {
        assertPhotoRejection(rejected);
      }
    }
  }

  static Stream<Arguments> magicPrefixes() {
    return Stream.of(
        Arguments.of("PNG", Arrays.copyOf(TestImages.pngHeader(1, 1), 8)),
        Arguments.of("JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        Arguments.of("GIF", "GIF89a".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("WebP VP8", Arrays.copyOf(TestImages.webpLossy(1, 1), 16)),
        Arguments.of("WebP VP8L", Arrays.copyOf(TestImages.webpLossless(1, 1), 16)),
        Arguments.of("WebP VP8X", Arrays.copyOf(TestImages.webpExtended(1, 1), 16)),
        Arguments.of("WebP", Arrays.copyOf(TestImages.webpLossy(1, 1), 12)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("magicPrefixes")
  void givenMagicBytesFollowedByGarbage_fromBase64_readsItOrRejectsIt(String format, byte[] magic) {
    Random random = new Random(format.hashCode());
    for (int round = 0; round < 5_000; round++) {
      byte[] garbage = new byte[random.nextInt(64)];
      random.nextBytes(garbage);
      // Bias towards 0xFF so the JPEG walker meets fill bytes and short segments.
      for (int i = 0; i < garbage.length; i += 1 + random.nextInt(4)) {
        garbage[i] = (byte) 0xFF;
      }
      byte[] image = Arrays.copyOf(magic, magic.length + garbage.length);
      System.arraycopy(garbage, 0, image, magic.length, garbage.length);

      try {
        Avatar avatar = Avatar.fromBase64(TestImages.base64(image));
        assertThat(avatar.width()).isBetween(1, Avatar.MAX_SIDE);
        assertThat(avatar.height()).isBetween(1, Avatar.MAX_SIDE);
      } catch (RejectedException rejected) {
        assertPhotoRejection(rejected);
      }
    }
  }

  static Stream<Arguments> malformedHeaders() {
    return Stream.of(
        Arguments.of("PNG without IHDR first", withAscii(TestImages.pngHeader(3, 2), 12, "IDAT")),
        Arguments.of("PNG with IHDR of wrong length", withByte(TestImages.pngHeader(3, 2), 11, 12)),
        Arguments.of("VP8 without start code", withByte(TestImages.webpLossy(3, 2), 23, 0)),
        Arguments.of("VP8L without signature", withByte(TestImages.webpLossless(3, 2), 20, 0)),
        Arguments.of("WebP of unknown chunk", withAscii(TestImages.webpLossy(3, 2), 12, "ALPH")),
        Arguments.of("JPEG with junk for a marker", withByte(TestImages.jpegHeader(3, 2), 20, 0)),
        Arguments.of("JPEG with stuffed zero", withByte(TestImages.jpegHeader(3, 2), 3, 0)),
        Arguments.of("JPEG with short length", withByte(TestImages.jpegHeader(3, 2), 5, 1)),
        Arguments.of(
            "JPEG with segment past the end", withByte(TestImages.jpegHeader(3, 2), 4, 0x7F)),
        Arguments.of("JPEG with EOI first", withByte(TestImages.jpegHeader(3, 2), 3, 0xD9)),
        Arguments.of("JPEG with SOI again", withByte(TestImages.jpegHeader(3, 2), 3, 0xD8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHeaders")
  void givenMalformedHeader_fromBase64_rejectsAsDamaged(String damage, byte[] image) {
    assertRejected(TestImages.base64(image), DAMAGED);
  }

  @Test
  void givenJpegWithScanBeforeFrame_fromBase64_rejectsAsDamaged() {
    byte[] scanFirst = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xDA,
      0,
      2,
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      8,
      8,
      0,
      2,
      0,
      3,
      1
    };

    assertRejected(TestImages.base64(scanFirst), DAMAGED);
  }

  @Test
  void givenRejection_message_isTheBitrixErrorText() {
    assertThatThrownBy(() -> Avatar.fromBase64("/* base64 image */"))
        .isInstanceOf(RejectedException.class)
        .hasMessage("WRONG_REQUEST: PROPERTIES[PERSONAL_PHOTO] must be base64");
  }

  // --- the value itself ---

  @Test
  void givenSameContentInDifferentArrays_equals_isTrueWithSameHashCode() {
    byte[] image = TestImages.png(3, 2);
    Avatar first = new Avatar(image, ImageFormat.PNG, 3, 2);
    Avatar second = new Avatar(image.clone(), ImageFormat.PNG, 3, 2);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(Avatar.fromBase64(TestImages.base64(image))).isEqualTo(first);
  }

  @Test
  void givenDifferentContent_equals_isFalse() {
    byte[] image = TestImages.png(3, 2);
    byte[] changed = image.clone();
    changed[changed.length - 1] ^= 1;
    Avatar avatar = new Avatar(image, ImageFormat.PNG, 3, 2);

    assertThat(avatar)
        .isNotEqualTo(new Avatar(changed, ImageFormat.PNG, 3, 2))
        .isNotEqualTo(new Avatar(image, ImageFormat.GIF, 3, 2))
        .isNotEqualTo(new Avatar(image, ImageFormat.PNG, 2, 3))
        .isNotEqualTo(null)
        .isNotEqualTo("avatar");
  }

  @Test
  void givenAvatar_bytes_returnsACopy() {
    Avatar avatar = Avatar.fromBase64(TestImages.pngBase64(3, 2));
    byte[] original = avatar.bytes();

    byte[] leaked = avatar.bytes();
    leaked[0] = 0;

    assertThat(leaked).isNotSameAs(avatar.bytes());
    assertThat(avatar.bytes()).isEqualTo(original);
  }

  @Test
  void givenArrayChangedAfterConstruction_bytes_isUnchanged() {
    byte[] image = TestImages.png(3, 2);
    byte[] original = image.clone();
    Avatar avatar = new Avatar(image, ImageFormat.PNG, 3, 2);

    image[0] = 0;

    assertThat(avatar.bytes()).isEqualTo(original);
  }

  @Test
  void givenAvatar_toString_describesItWithoutDumpingBytes() {
    Avatar avatar = new Avatar(new byte[] {1, 2, 3}, ImageFormat.PNG, 3, 2);

    assertThat(avatar).hasToString("Avatar[format=PNG, width=3, height=2, size=3 bytes]");
  }

  static Stream<Arguments> brokenInvariants() {
    byte[] ok = {1};
    return Stream.of(
        Arguments.of(null, ImageFormat.PNG, 1, 1, "bytes"),
        Arguments.of(new byte[0], ImageFormat.PNG, 1, 1, "bytes"),
        Arguments.of(new byte[Avatar.MAX_BYTES + 1], ImageFormat.PNG, 1, 1, "bytes"),
        Arguments.of(ok, null, 1, 1, "format"),
        Arguments.of(ok, ImageFormat.PNG, 0, 1, "width"),
        Arguments.of(ok, ImageFormat.PNG, Avatar.MAX_SIDE + 1, 1, "width"),
        Arguments.of(ok, ImageFormat.PNG, 1, 0, "height"),
        Arguments.of(ok, ImageFormat.PNG, 1, Avatar.MAX_SIDE + 1, "height"));
  }

  @ParameterizedTest
  @MethodSource("brokenInvariants")
  void givenBrokenInvariant_construct_throwsNamingTheField(
      byte[] bytes, ImageFormat format, int width, int height, String field) {
    assertThatThrownBy(() -> new Avatar(bytes, format, width, height))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }

  @Test
  void givenLimits_construct_acceptsThemExactly() {
    Avatar avatar =
        new Avatar(new byte[Avatar.MAX_BYTES], ImageFormat.WEBP, Avatar.MAX_SIDE, Avatar.MAX_SIDE);

    assertThat(avatar.size()).isEqualTo(Avatar.MAX_BYTES);
  }

  @ParameterizedTest
  @CsvSource({"PNG, image/png", "JPEG, image/jpeg", "GIF, image/gif", "WEBP, image/webp"})
  void givenFormat_mimeType_isItsImageType(ImageFormat format, String mimeType) {
    assertThat(format.mimeType()).isEqualTo(mimeType);
  }

  // --- helpers ---

  private static void assertRejected(String encoded, String rule) {
    assertThatThrownBy(() -> Avatar.fromBase64(encoded))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e ->
                assertThat(e.rejection())
                    .isEqualTo(InvalidField.of("PROPERTIES[PERSONAL_PHOTO]", rule)));
  }

  private static void assertPhotoRejection(RejectedException rejected) {
    assertThat(rejected.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(((InvalidField) rejected.rejection()).field())
        .isEqualTo("PROPERTIES[PERSONAL_PHOTO]");
  }

  private static byte[] withByte(byte[] image, int offset, int value) {
    byte[] changed = image.clone();
    changed[offset] = (byte) value;
    return changed;
  }

  private static byte[] withAscii(byte[] image, int offset, String text) {
    byte[] changed = image.clone();
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, changed, offset, bytes.length);
    return changed;
  }
}
