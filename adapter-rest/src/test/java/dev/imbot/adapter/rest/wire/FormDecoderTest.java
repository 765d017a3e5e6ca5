package dev.imbot.adapter.rest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  @Test
  void givenEscapesPlusAndRawText_percentDecode_decodesUtf8() {
    assertThat(FormDecoder.percentDecode("%D0%9B%D1%83%D1%87%D1%88%D0%B8%D0%B9+x"))
        .isEqualTo("Лучший x");
    assertThat(FormDecoder.percentDecode("PROPERTIES%5BNAME%5D")).isEqualTo("PROPERTIES[NAME]");
    assertThat(FormDecoder.percentDecode("raw Ботов+%F0%9F%98%80"))
        .isEqualTo("raw Ботов \uD83D\uDE00");
    assertThat(FormDecoder.percentDecode("plain")).isEqualTo("plain");
  }

  @Test
  void givenBrokenEscapesOrBytes_percentDecode_refusesThem() {
    assertThatThrownBy(() -> FormDecoder.percentDecode("a%4"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> FormDecoder.percentDecode("%zz"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("'%zz'");
    assertThatThrownBy(() -> FormDecoder.percentDecode("%D0+"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("not UTF-8");
  }

  /** The allocation-lean decoder answers exactly as the straightforward one it replaced. */
  @Test
  void givenHundredThousandRandomTexts_percentDecode_answersAsTheReferenceDecoder() {
    String alphabet = "ab+%0123456789ABCDEFzZ Бя\uD83D\uDE00\uD800\uDC00\u00e9=[]";
    Random random = new Random(20261124);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        if (random.nextInt(4) == 0) {
          text.append('%').append(String.format("%02X", random.nextInt(256)));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String input = text.toString();
      assertThat(outcome(() -> FormDecoder.percentDecode(input)))
          .as(input)
          .isEqualTo(outcome(() -> reference(input)));
    }
  }

  private static String outcome(java.util.function.Supplier<String> decode) {
    try {
      return "ok:" + decode.get();
    } catch (MalformedRequestException e) {
      return "refused:" + e.getMessage();
    }
  }

  /** The decoder as it was before it was made lean, kept as the reference. */
  private static String reference(String text) {
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
