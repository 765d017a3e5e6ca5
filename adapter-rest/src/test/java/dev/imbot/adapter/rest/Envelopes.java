package dev.imbot.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Test helper: assertions on Bitrix24's success and error envelopes, to the letter of the spec. */
final class Envelopes {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern ISO_WITH_OFFSET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}");
  private static final List<String> TIME_FIELDS =
      List.of(
          "start",
          "finish",
          "duration",
          "processing",
          "date_start",
          "date_finish",
          "operating_reset_at",
          "operating");

  private Envelopes() {}

  /**
   * Asserts a {@code 200} success envelope ({@code result}, optional {@code total}/{@code next},
   * the six-field {@code time}) and returns its {@code result}.
   */
  static Object assertSuccess(Wire.Response response) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(200);
    assertThat(response.contentType()).as("Content-Type").isEqualTo(Wire.JSON_UTF8);
    Map<String, Object> body = response.object();
    assertThat(body).as("envelope of %s", response).containsKeys("result", "time");
    assertThat(Set.of("result", "time", "total", "next")).containsAll(body.keySet());
    assertTime(body.get("time"));
    return body.get("result");
  }

  /** Asserts an error envelope: exactly {@code error} and {@code error_description}, the status. */
  static void assertError(Wire.Response response, int status, String error, String description) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).as("Content-Type of %s", response).isEqualTo(Wire.JSON_UTF8);
    assertThat(response.object())
        .as("error envelope")
        .containsExactly(Map.entry("error", error), Map.entry("error_description", description));
  }

  /** Asserts an error envelope with this status and code, whatever the text (non-empty). */
  static String assertErrorCode(Wire.Response response, int status, String error) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).as("Content-Type of %s", response).isEqualTo(Wire.JSON_UTF8);
    Map<String, Object> body = response.object();
    assertThat(body)
        .as("error envelope of %s", response)
        .containsOnlyKeys("error", "error_description");
    assertThat(body.get("error")).isEqualTo(error);
    assertThat(body.get("error_description")).isInstanceOf(String.class).asString().isNotBlank();
    return (String) body.get("error_description");
  }

  /**
   * Asserts a {@code time} object: all six fields; start, finish, duration and processing plain
   * decimal numbers (never an exponent); duration = finish - start; ISO-8601 dates with an offset
   * that agree with start and finish.
   */
  @SuppressWarnings("unchecked")
  static void assertTime(Object value) {
    assertThat(value).as("time").isInstanceOf(Map.class);
    Map<String, Object> time = (Map<String, Object>) value;
    assertThat(time).as("time fields").containsOnlyKeys(TIME_FIELDS);
    for (String field : List.of("start", "finish", "duration", "processing", "operating")) {
      assertThat(time.get(field))
          .as("time.%s is a number", field)
          .isInstanceOf(Json.JsonNumber.class);
      String text = ((Json.JsonNumber) time.get(field)).text();
      assertThat(text).as("time.%s in plain notation", field).matches(PLAIN_DECIMAL);
    }
    BigDecimal start = number(time, "start");
    BigDecimal finish = number(time, "finish");
    assertThat(start).isPositive();
    assertThat(finish).isGreaterThanOrEqualTo(start);
    assertThat(number(time, "duration")).isEqualByComparingTo(finish.subtract(start));
    assertThat(number(time, "processing")).isNotNegative();
    for (String field : List.of("date_start", "date_finish")) {
      assertThat(time.get(field)).as("time.%s", field).isInstanceOf(String.class);
      assertThat((String) time.get(field)).matches(ISO_WITH_OFFSET);
    }
    Instant dateStart =
        OffsetDateTime.parse(
                (String) time.get("date_start"), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
    Instant dateFinish =
        OffsetDateTime.parse(
                (String) time.get("date_finish"), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
    assertThat(dateStart.getEpochSecond()).isEqualTo(start.longValue());
    assertThat(dateFinish.getEpochSecond()).isEqualTo(finish.longValue());
    // Bitrix24 cloud: seconds spent by the method for the caller, and when the oldest of its
    // one-minute baskets (ten minutes long) expires, in whole Unix seconds.
    assertThat(number(time, "operating")).isNotNegative();
    long resetAt = assertInteger(time.get("operating_reset_at"));
    assertThat(resetAt)
        .isGreaterThan(start.longValue())
        .isLessThanOrEqualTo(finish.longValue() + 600);
  }

  /** A number of a {@code time} block. */
  static BigDecimal number(Map<String, Object> time, String field) {
    return ((Json.JsonNumber) time.get(field)).decimal();
  }

  /** Asserts that {@code value} is a JSON integer (not a string, not a decimal) and returns it. */
  static long assertInteger(Object value) {
    assertThat(value).as("a JSON number").isInstanceOf(Json.JsonNumber.class);
    Json.JsonNumber number = (Json.JsonNumber) value;
    assertThat(number.integral()).as("%s is an integer", number.text()).isTrue();
    return number.longValue();
  }
}
