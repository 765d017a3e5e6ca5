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
}
