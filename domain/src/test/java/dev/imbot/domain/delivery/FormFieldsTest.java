package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  @Test
  void givenNestedTree_encode_writesBracketNamesInOrderAsHttpBuildQueryDoes() {
    Map<String, Object> bot = new LinkedHashMap<>();
    bot.put("BOT_CODE", "a b");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("BOT", Map.of("42", bot));
    data.put("MESSAGE", "Привет ~*'()!");

    String encoded = FormFields.builder().add("event", "E").addTree("data", data).build().encode();

    assertThat(encoded)
        .isEqualTo(
            "event=E&data%5BBOT%5D%5B42%5D%5BBOT_CODE%5D=a+b"
                + "&data%5BMESSAGE%5D=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%7E%2A%27%28%29%21");
  }

  @Test
  void givenPhpUrlencodeSafeCharacters_urlencode_keepsOnlyLettersDigitsAndDashUnderscoreDot() {
    assertThat(FormFields.urlencode("aZ09-_.")).isEqualTo("aZ09-_.");
    assertThat(FormFields.urlencode("+&=/[]")).isEqualTo("%2B%26%3D%2F%5B%5D");
  }

  @Test
  void givenTextOfEveryKind_urlencode_writesItsUtf8BytesAsPhpDoes() {
    // PHP's urlencode is the JDK's URLEncoder but for '*', which PHP encodes; a lone surrogate
    // becomes '?' as in String.getBytes. Two-, three- and four-byte characters, controls, both.
    StringBuilder sample =
        new StringBuilder("\u0000\u007f\u0080\u07ff\u0800\uffff é€😀*~ \ud800x\udc00");
    Random random = new Random(170);
    for (int i = 0; i < 5_000; i++) {
      sample.append((char) random.nextInt(0x10000));
    }
    for (String text :
        new String[] {sample.toString(), "Привет, мир", "😀😀", "\ud83d", "a\udc00"}) {
      assertThat(FormFields.urlencode(text))
          .as(text)
          .isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A"));
    }
  }

  @Test
  void givenEventTreesOfAnyKeysAndValues_bodyWrittenAsBytes_isTheFieldsEncodedOneByOne() {
    // FormBody keeps each nested name's encoded prefix instead of building the name: the bytes
    // must be those of the bracket names built and encoded whole, for keys of every kind.
    Random random = new Random(11);
    String[] alphabet = {
      "a", "Z", "0", " ", "[", "]", "&", "=", "%", "Я", "€", "\uD83D\uDE00", "\uD800"
    };
    for (int round = 0; round < 300; round++) {
      dev.imbot.domain.event.EventData data = randomTree(random, alphabet, 0);
      dev.imbot.domain.event.EventData auth = randomTree(random, alphabet, 2);

      String written =
          new FormBody(8)
              .field("event", "ONIMBOTMESSAGEADD")
              .data("data", data)
              .field("ts", "1")
              .data("auth", auth)
              .toText();

      String expected =
          FormFields.builder()
              .add("event", "ONIMBOTMESSAGEADD")
              .addData("data", data)
              .add("ts", "1")
              .addData("auth", auth)
              .build()
              .encode();
      assertThat(written).isEqualTo(expected);
    }
  }

  private static dev.imbot.domain.event.EventData randomTree(
      Random random, String[] alphabet, int depth) {
    dev.imbot.domain.event.EventData.Builder tree = dev.imbot.domain.event.EventData.builder();
    int entries = random.nextInt(5);
    for (int i = 0; i < entries; i++) {
      String key = randomText(random, alphabet, 1 + random.nextInt(4));
      if (depth < 3 && random.nextInt(3) == 0) {
        tree.put(key, randomTree(random, alphabet, depth + 1));
      } else {
        tree.put(key, randomText(random, alphabet, random.nextInt(6)));
      }
    }
    return tree.build();
  }

  private static String randomText(Random random, String[] alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }
}
