package dev.imbot.domain.event;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RejectionReason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerUrlTest {

  private static final String BASE = "http://bot.example.com/";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://www.hazz/chatApi/event.php",
        "https://bot.example.com",
        "https://bot.example.com/handler?app=1&x=%20y#frag",
        "http://127.0.0.1/x",
        "http://bot.example.com:8080/x",
        "HTTP://BOT.EXAMPLE.COM/",
        "hTTpS://bot.example.com/"
      })
  void givenAbsoluteWebUrlWithDottedHost_parse_accepts(String url) {
    assertThat(HandlerUrl.parse(url, BotEvent.MESSAGE_ADD).value()).isEqualTo(url);
    assertThat(HandlerUrl.of(url)).hasToString(url);
  }

  static Stream<Arguments> refusedUrls() {
    RejectionReason wrong = HandlerRejectionReason.HANDLER_URL_INVALID;
    RejectionReason protocol = HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED;
    return Stream.of(
        Arguments.of("http://localhost/x", wrong),
        Arguments.of("http://.example/x", wrong), // the only dot is at position 0
        Arguments.of("http://intranet/x", wrong), // no dot at all
        Arguments.of("www.hazz/x", wrong), // relative
        Arguments.of("//bot.example.com/x", wrong), // scheme-relative
        Arguments.of("http://u:p@bot.example.com/", wrong),
        Arguments.of("http://user@bot.example.com/", wrong),
        Arguments.of("http:bot.example.com", wrong), // opaque
        Arguments.of("http:///x", wrong), // no host
        Arguments.of("http://[::1]/x", wrong), // no dot in the host
        Arguments.of("http://bot example.com/", wrong),
        Arguments.of("http://bot.example.com/a b", wrong),
        Arguments.of("not a url at all", wrong),
        Arguments.of("::::", wrong),
        Arguments.of("http://bot.example.com/%zz", wrong),
        Arguments.of("ftp://bot.example.com", protocol),
        Arguments.of("ftp://localhost", protocol), // the protocol is judged first
        Arguments.of("javascript:alert(1)", protocol),
        Arguments.of("mailto:bot@example.com", protocol),
        Arguments.of("file:///etc/passwd", protocol),
        Arguments.of("ws://bot.example.com/socket", protocol));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("refusedUrls")
  void givenRefusedUrl_parse_rejectsWithReasonAndTheEventPassedIn(
      String url, RejectionReason reason) {
    HandlerRejection rejection = rejectionOf(() -> HandlerUrl.parse(url, BotEvent.WELCOME_MESSAGE));

    assertThat(rejection.reason()).isEqualTo(reason);
    assertThat(rejection.event()).isEqualTo(BotEvent.WELCOME_MESSAGE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedUrls")
  void givenRefusedUrl_constructor_refuses(String url, RejectionReason ignored) {
    assertThatIllegalArgumentException().isThrownBy(() -> new HandlerUrl(url));
  }

  @ParameterizedTest
  @EnumSource(BotEvent.class)
  void givenWrongUrlForEachEvent_parse_rejectsWithThatEventsError(BotEvent event) {
    HandlerRejection rejection = rejectionOf(() -> HandlerUrl.parse("http://localhost/x", event));

    assertThat(rejection.event()).isEqualTo(event);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError(event.parameterName() + "_ERROR", "Wrong handler URL"));
  }

  @ParameterizedTest
  @EnumSource(BotEvent.class)
  void givenUnsupportedProtocolForEachEvent_parse_rejectsWithThatEventsError(BotEvent event) {
    Rejection rejection = rejectionOf(() -> HandlerUrl.parse("ftp://bot.example.com", event));

    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError(event.parameterName() + "_ERROR", "Unsupported handler protocol"));
  }

  @Test
  void givenUrlOf2048Characters_parse_accepts() {
    String url = BASE + "a".repeat(2048 - BASE.length());

    assertThat(url).hasSize(HandlerUrl.MAX_LENGTH);
    assertThat(HandlerUrl.parse(url, BotEvent.MESSAGE_ADD).value()).isEqualTo(url);
  }

  @Test
  void givenUrlOf2049Characters_parse_rejectsAsWrongUrl() {
    String url = BASE + "a".repeat(2049 - BASE.length());

    Rejection rejection = rejectionOf(() -> HandlerUrl.parse(url, BotEvent.MESSAGE_ADD));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
  }

  @Test
  void given2048CharactersInsideWhitespace_parse_acceptsTheTrimmedUrl() {
    String url = BASE + "a".repeat(2048 - BASE.length());

    assertThat(HandlerUrl.parse("  " + url + "\n", BotEvent.MESSAGE_ADD).value()).isEqualTo(url);
  }

  @Test
  void givenUrlWithLeadingAndTrailingWhitespace_parse_trimsIt() {
    HandlerUrl url =
        HandlerUrl.parse(" \t http://www.hazz/chatApi/event.php \r\n", BotEvent.BOT_DELETE);

    assertThat(url.value()).isEqualTo("http://www.hazz/chatApi/event.php");
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void givenNothing_parse_rejectsAsWrongUrl(String raw) {
    HandlerRejection rejection = rejectionOf(() -> HandlerUrl.parse(raw, BotEvent.MESSAGE_ADD));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
    assertThat(rejection.event()).isEqualTo(BotEvent.MESSAGE_ADD);
  }

  @Test
  void givenUntrimmedOrNullValue_constructor_refuses() {
    assertThatIllegalArgumentException().isThrownBy(() -> new HandlerUrl(" " + BASE));
    assertThatIllegalArgumentException().isThrownBy(() -> new HandlerUrl(null));
  }
}
