package dev.imbot.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded random test of bad input over the wire, with a fixed seed so a failure reproduces: real
 * and unknown methods in mixed case, keys with brackets and nesting, every encoding (form, JSON
 * with deep nesting and wrong types, multipart, query), random lengths and bytes (invalid UTF-8,
 * NUL, values up to ~100 KB). Every answer must be a JSON Bitrix envelope, never a 5xx, and nothing
 * stored before the run may change: the random requests act for other applications than the
 * snapshot's, though they may name its bots.
 */
@MicronautTest
class RandomBadInputWireTest extends WireTest {
  private static final long SEED = 20_261_124L;
  private static final int REQUESTS = 2_000;

  private static final String SNAPSHOT_CLIENT = "snapshot";
  private static final String SNAPSHOT_APP = "snapshot.app";

  private static final String[] METHODS = {
    "imbot.register",
    "imbot.unregister",
    "imbot.update",
    "imbot.bot.list",
    "batch",
    "IMBOT.REGISTER",
    "Imbot.Update.json",
    "imbot.bot.list.json/",
    "BATCH.JSON",
    "imbot.register.xml",
    "imbot.unknown",
    "user.get",
    "imbot",
    "",
    "imbot.register/extra"
  };

  private static final String[] KEYS = {
    "CODE",
    "TYPE",
    "OPENLINE",
    "EVENT_HANDLER",
    "EVENT_MESSAGE_ADD",
    "EVENT_MESSAGE_UPDATE",
    "EVENT_MESSAGE_DELETE",
    "EVENT_WELCOME_MESSAGE",
    "EVENT_BOT_DELETE",
    "CLIENT_ID",
    "PROPERTIES",
    "BOT_ID",
    "FIELDS",
    "cmd",
    "halt",
    "auth",
    "start",
    "state",
    "token",
    "code",
    "bot_id",
    "PROPERTIES[NAME]",
    "FIELDS[PROPERTIES][COLOR]",
    "a[b",
    "[x]",
    "x[][]",
    "x][",
    "a[b]c",
    "]",
    "cmd[]",
    "",
    "\u0000",
    "ключ",
    "😀"
  };

  private static final String[] PROPERTY_KEYS = {
    "NAME",
    "LAST_NAME",
    "COLOR",
    "EMAIL",
    "PERSONAL_BIRTHDAY",
    "WORK_POSITION",
    "PERSONAL_WWW",
    "PERSONAL_GENDER",
    "PERSONAL_PHOTO",
    "name",
    "UNKNOWN",
    ""
  };

  private Random random;
  private String webhookPrefix;
  private String token;
  private String expiredToken;
  private final List<String> botIds = new ArrayList<>();

  @Test
  void givenTwoThousandRandomBadRequests_anyMethod_answersBitrixEnvelopesAndChangesNothingStored() {
    // What is stored before: two applications' bots with full profiles, and their handlers.
    String snapshotPrefix = webhook();
    Map<String, Object> full = seedExample(SNAPSHOT_CLIENT);
    long seedBot = register(snapshotPrefix, full);
    long second = register(snapshotPrefix, minimalBot(SNAPSHOT_CLIENT, "second", "Second"));
    String snapshotToken = applicationToken(SNAPSHOT_APP);
    long tokenBot =
        Envelopes.assertInteger(
            Envelopes.assertSuccess(
                wire.postForm(
                    "/rest/imbot.register?auth=" + snapshotToken,
                    PhpQuery.build(minimalBot(null, "tokenbot", "Token Bot")))));
    List<Bot> botsBefore = portal.storedBots();
    String listBefore = botListEntries(snapshotPrefix, List.of(seedBot, second, tokenBot));
    HandlerBindings handlersBefore =
        portal.handlers().bindingsOf(ApplicationKey.of("custom" + SNAPSHOT_CLIENT));
    HandlerBindings tokenHandlersBefore =
        portal.handlers().bindingsOf(ApplicationKey.of(SNAPSHOT_APP));
    int webhooksBefore = webhooks.list().size();
    int applicationsBefore = applications.list().size();

    random = new Random(SEED);
    webhookPrefix = webhook();
    token = applicationToken("fuzz.app");
    expiredToken = expiredApplicationToken("fuzz.expired");
    for (long id : new long[] {seedBot, second, tokenBot, 1, 999_999}) {
      botIds.add(Long.toString(id));
    }

    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      String description = "request " + i + " (seed " + SEED + ")";
      Wire.Response response = sendRandomRequest(description);
      outcomes.merge(assertEnvelope(response, description), 1, Integer::sum);
    }
    // The requests reach far: successes, and refusals from every layer.
    assertThat(outcomes.keySet())
        .as("outcomes %s", outcomes)
        .contains(
            "200",
            "400 INVALID_REQUEST",
            "401 NO_AUTH_FOUND",
            "401 expired_token",
            "403 ACCESS_DENIED",
            "404 ERROR_METHOD_NOT_FOUND",
            "400 BOT_ID_ERROR",
            "400 APP_ID_ERROR",
            "400 CODE_ERROR",
            "400 WRONG_REQUEST",
            "400 ERROR_BATCH_LENGTH_EXCEEDED",
            "413 INVALID_REQUEST");
    System.out.println("Random bad input, outcomes: " + outcomes);

    assertThat(portal.storedBots()).as("stored bots").containsAll(botsBefore);
    for (Bot before : botsBefore) {
      assertThat(portal.bots().findById(before.id()))
          .as("bot %s unchanged", before.id())
          .hasValueSatisfying(
              after -> {
                assertThat(after).isEqualTo(before);
                assertThat(after.profile()).isEqualTo(before.profile());
              });
    }
    assertThat(botListEntries(snapshotPrefix, List.of(seedBot, second, tokenBot)))
        .isEqualTo(listBefore);
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of("custom" + SNAPSHOT_CLIENT)))
        .isEqualTo(handlersBefore);
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of(SNAPSHOT_APP)))
        .isEqualTo(tokenHandlersBefore);
    assertThat(portal.enqueuedEvents())
        .noneMatch(
            notice ->
                notice.application().value().equals("custom" + SNAPSHOT_CLIENT)
                    || notice.application().value().equals(SNAPSHOT_APP));
    assertThat(webhooks.list()).hasSize(webhooksBefore + 1);
    assertThat(applications.list()).hasSize(applicationsBefore + 2);
  }

  /** The bot list's entries for {@code ids}, as JSON text. */
  private String botListEntries(String prefix, List<Long> ids) {
    @SuppressWarnings("unchecked")
    Map<String, Object> list =
        (Map<String, Object>) Envelopes.assertSuccess(wire.get(prefix + "imbot.bot.list"));
    Map<String, Object> entries = new LinkedHashMap<>();
    ids.forEach(id -> entries.put(Long.toString(id), list.get(Long.toString(id))));
    return Json.write(entries);
  }

  /** Asserts a Bitrix envelope and returns the outcome: the status and the error code. */
  private String assertEnvelope(Wire.Response response, String description) {
    assertThat(response.status()).as("%s: %s", description, response).isLessThan(500);
    assertThat(response.contentType())
        .as("%s: %s", description, response)
        .isEqualTo(Wire.JSON_UTF8);
    Map<String, Object> body = response.object();
    if (response.status() == 200) {
      assertThat(body).as("%s: %s", description, response).containsKeys("result", "time");
      assertThat(List.of("result", "time", "total", "next")).containsAll(body.keySet());
      Envelopes.assertTime(body.get("time"));
      return "200";
    } else {
      assertThat(response.status()).as("%s: %s", description, response).isBetween(400, 499);
      assertThat(body)
          .as("%s: %s", description, response)
          .containsOnlyKeys("error", "error_description");
      assertThat(body.get("error")).isInstanceOf(String.class);
      assertThat(body.get("error_description")).isInstanceOf(String.class);
      return response.status() + " " + body.get("error");
    }
  }

  // The random request

  private Wire.Response sendRandomRequest(String description) {
    String method = pick(METHODS);
    if (random.nextInt(10) == 0) {
      method = mixCase(method);
    }
    String path;
    String auth = null;
    switch (random.nextInt(7)) {
      case 0, 1, 2 -> path = webhookPrefix + method;
      case 3 -> path = webhookPrefix.replace("/rest/1/", "/rest/1//") + "/" + method + "/";
      case 4 -> {
        path = "/rest/" + method;
        auth = token;
      }
      case 5 -> {
        path = "/rest/" + method;
        auth = random.nextBoolean() ? expiredToken : randomText(20);
      }
      default ->
          path =
              random.nextBoolean()
                  ? "/rest/" + method
                  : "/rest/" + random.nextInt(4) + "/" + randomText(8) + "/" + method;
    }
    path = path.replace(" ", "%20");
    Map<String, Object> parameters = randomParameters(method);
    if (auth != null) {
      parameters.put(random.nextBoolean() ? "auth" : "AUTH", auth);
    }
    switch (random.nextInt(12)) {
      case 0, 6, 7:
        return wire.raw("GET", rawTarget(path, corruptUrl(PhpQuery.build(parameters))), null, null);
      case 1, 8, 9:
        return wire.raw(
            "POST",
            rawTarget(path, random.nextBoolean() ? "" : randomQuery()),
            random.nextInt(3) == 0 ? pickContentType() : Wire.FORM,
            corrupt(PhpQuery.build(parameters)).getBytes(StandardCharsets.ISO_8859_1));
      case 2:
        return wire.raw("POST", rawTarget(path, ""), "application/json", jsonBody(parameters));
      case 3:
        return wire.raw("POST", rawTarget(path, ""), multipartType(), multipartBody(parameters));
      case 4:
        return wire.raw("POST", rawTarget(path, ""), pickContentType(), randomBytes());
      default:
        return wire.raw(
            random.nextBoolean() ? "GET" : "POST",
            rawTarget(path, corruptUrl(randomQuery())),
            Wire.FORM,
            new byte[0]);
    }
  }

  private static byte[] rawTarget(String path, String query) {
    String target = query.isEmpty() ? path : path + "?" + query;
    return target.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Parameters for {@code method}, from plausible to absurd. */
  private Map<String, Object> randomParameters(String method) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String lower = method.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("imbot.register") && random.nextBoolean()) {
      parameters.putAll(minimalBot(randomClientId(), randomCode(), randomValue(60)));
    } else if ((lower.startsWith("imbot.unregister") || lower.startsWith("imbot.update"))
        && random.nextBoolean()) {
      parameters.put("CLIENT_ID", randomClientId());
      parameters.put("BOT_ID", random.nextInt(4) == 0 ? randomValue(20) : pick(botIds));
      if (lower.startsWith("imbot.update")) {
        parameters.put("FIELDS", randomFields());
      }
    } else if (lower.startsWith("batch") && random.nextBoolean()) {
      parameters.put("cmd", randomCommands());
      parameters.put("halt", pick(new Object[] {"0", "1", "Y", randomValue(5)}));
    }
    int extra = random.nextInt(6);
    for (int i = 0; i < extra; i++) {
      String key = pick(KEYS);
      if (key.equalsIgnoreCase("CLIENT_ID")) {
        parameters.put(key, randomClientId());
      } else {
        parameters.put(key, randomTree(random.nextInt(10) == 0 ? 40 : 3));
      }
    }
    return parameters;
  }

  private Map<String, Object> randomFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(4)) {
        case 0 -> fields.put("CODE", randomCode());
        case 1 ->
            fields.put(pick(new String[] {"EVENT_HANDLER", "EVENT_MESSAGE_ADD"}), randomUrl());
        case 2 -> fields.put("PROPERTIES", randomProperties());
        default -> fields.put(pick(KEYS), randomTree(2));
      }
    }
    return fields;
  }

  private Map<String, Object> randomProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String key = pick(PROPERTY_KEYS);
      Object value =
          switch (key) {
            case "PERSONAL_PHOTO" -> randomPhoto();
            case "EMAIL" ->
                random.nextBoolean() ? "test@test.ru" : randomValue(30) + "@" + randomValue(10);
            default -> random.nextInt(5) == 0 ? randomTree(2) : randomValue(300);
          };
      properties.put(key, value);
    }
    return properties;
  }

  private Object randomCommands() {
    int count = random.nextInt(6) == 0 ? 51 + random.nextInt(5) : random.nextInt(6);
    Map<String, Object> commands = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = random.nextInt(8) == 0 ? randomValue(5) : "c" + i;
      String command = pick(METHODS);
      if (random.nextBoolean()) {
        Map<String, Object> query = randomParameters(command);
        if (!keys.isEmpty() && random.nextBoolean()) {
          query.put("BOT_ID", "$result[" + pick(keys) + "]" + (random.nextBoolean() ? "[ID]" : ""));
        }
        command += "?" + corrupt(PhpQuery.build(query));
      }
      commands.put(key, command);
      keys.add(key);
    }
    if (random.nextInt(4) == 0) {
      return new ArrayList<>(commands.values());
    }
    return random.nextInt(10) == 0 ? randomValue(20) : commands;
  }

  /** A value tree: text, or (up to {@code depth} deep) maps and lists; JSON-only types too. */
  private Object randomTree(int depth) {
    int kind = random.nextInt(depth <= 0 ? 5 : 8);
    return switch (kind) {
      case 0, 1, 2 -> randomValue(random.nextInt(20) == 0 ? 100_000 : 300);
      case 3 -> new Json.JsonNumber(randomNumber(), true);
      case 4 -> random.nextBoolean() ? Boolean.TRUE : null;
      case 5 -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(randomTree(depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          map.put(
              random.nextBoolean() ? pick(PROPERTY_KEYS) : randomValue(6), randomTree(depth - 1));
        }
        yield map;
      }
    };
  }

  private String randomNumber() {
    return switch (random.nextInt(5)) {
      case 0 -> "0";
      case 1 -> "-" + random.nextInt(1000);
      case 2 -> "1e999999999";
      case 3 -> "123456789012345678901234567890";
      default -> Integer.toString(random.nextInt(100));
    };
  }

  private String randomClientId() {
    String clientId =
        switch (random.nextInt(6)) {
          case 0 -> "";
          case 1 -> " ";
          case 2 -> "x".repeat(123);
          case 3 -> "fuzz";
          default -> "f" + randomValue(12);
        };
    // Never the snapshot's application, whatever the trimming.
    return clientId.strip().equalsIgnoreCase(SNAPSHOT_CLIENT) ? "fuzz" : clientId;
  }

  private String randomCode() {
    return switch (random.nextInt(5)) {
      case 0 -> "";
      case 1 -> "newbot";
      case 2 -> "c".repeat(51);
      default -> randomValue(60);
    };
  }

  private String randomUrl() {
    return pick(
        new String[] {
          HANDLER,
          "http://localhost/x",
          "ftp://a.b/c",
          "https://bot.example.com/" + randomValue(40),
          randomValue(50),
          "http://" + randomValue(10) + "." + randomValue(3)
        });
  }

  private String randomPhoto() {
    return switch (random.nextInt(5)) {
      case 0 -> TestImages.pngBase64(1 + random.nextInt(4), 1 + random.nextInt(4));
      case 1 -> TestImages.base64(TestImages.pngHeader(random.nextInt(100_000), 7));
      case 2 -> "data:image/png;base64," + randomValue(100);
      case 3 -> TestImages.base64(randomRawBytes(random.nextInt(2_000)));
      default -> randomValue(random.nextInt(10) == 0 ? 100_000 : 200);
    };
  }

  /** Text of random length up to {@code max}: ASCII, Cyrillic, emoji, controls, NUL. */
  private String randomValue(int max) {
    int length = random.nextInt(8) == 0 ? max : random.nextInt(Math.min(max, 80) + 1);
    StringBuilder text = new StringBuilder(length);
    int alphabet = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      switch (alphabet == 3 ? random.nextInt(3) : alphabet) {
        case 0 -> text.append((char) ('a' + random.nextInt(26)));
        case 1 ->
            text.append(pick(new String[] {"Ж", "я", "😀", "名", " ", "%", "[", "]", "&", "="}));
        default -> text.append((char) random.nextInt(128));
      }
    }
    return text.toString();
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private String randomQuery() {
    StringBuilder query = new StringBuilder();
    int pairs = random.nextInt(5);
    for (int i = 0; i < pairs; i++) {
      if (i > 0) {
        query.append('&');
      }
      query.append(PhpQuery.urlencode(pick(KEYS))).append('=');
      query.append(PhpQuery.urlencode(randomValue(50)));
    }
    return query.toString();
  }

  /**
   * Sometimes breaks an encoded string: bad escapes, bytes that are not UTF-8, NUL, truncation. Raw
   * bytes (not escapes) only in bodies: a request line cannot carry them.
   */
  private String corrupt(String encoded) {
    return corrupt(encoded, false);
  }

  private String corruptUrl(String encoded) {
    return corrupt(encoded, true);
  }

  private String corrupt(String encoded, boolean inUrl) {
    if (random.nextInt(5) != 0 || encoded.isEmpty()) {
      return encoded;
    }
    StringBuilder broken = new StringBuilder(encoded);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(broken.length() + 1);
      String[] breakers =
          inUrl
              ? new String[] {"%zz", "%4", "%", "%ff", "%C3%28", "%00", "%ED%A0%80"}
              : new String[] {
                "%zz", "%4", "%", "%ff", "%C3%28", "\u00ff", "%00", "\u0000", "%ED%A0%80"
              };
      broken.insert(at, pick(breakers));
    }
    if (random.nextInt(4) == 0) {
      broken.setLength(random.nextInt(broken.length() + 1));
    }
    return broken.toString();
  }

  private byte[] jsonBody(Map<String, Object> parameters) {
    String json;
    switch (random.nextInt(12)) {
      case 0 -> json = "[" + Json.write(parameters) + "]";
      case 1 -> json = "{\"a\":" + "[".repeat(50 + random.nextInt(2_000)) + "1";
      case 2 -> {
        String nested = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        json = "{\"PROPERTIES\":" + nested + "}";
      }
      case 3 -> {
        String text = Json.write(parameters);
        json = text.substring(0, random.nextInt(text.length() + 1));
      }
      case 4 -> json = Json.write(parameters) + random.nextInt(10);
      default -> json = Json.write(parameters);
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(6) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return bytes;
  }

  private String multipartType() {
    return pick(
        new String[] {
          "multipart/form-data; boundary=XyZ",
          "multipart/form-data; boundary=XyZ",
          "multipart/form-data; boundary=XyZ",
          "multipart/form-data; boundary=\"XyZ\"",
          "multipart/form-data",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=other"
        });
  }

  private byte[] multipartBody(Map<String, Object> parameters) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] part : PhpQuery.multipartFields(parameters)) {
      body.writeBytes(
          ("--XyZ\r\nContent-Disposition: form-data; name=\""
                  + part[0]
                  + "\""
                  + (random.nextInt(10) == 0 ? "; filename=\"a.png\"" : "")
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      byte[] value = part[1].getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(10) == 0) {
        value = randomRawBytes(value.length + 1);
      }
      body.writeBytes(value);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (random.nextInt(5) != 0) {
      body.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] bytes = body.toByteArray();
    return random.nextInt(8) == 0
        ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1))
        : bytes;
  }

  private String pickContentType() {
    return pick(
        new String[] {
          Wire.FORM,
          Wire.FORM + "; charset=UTF-8",
          null,
          "text/plain",
          "application/octet-stream",
          "application/json",
          "multipart/form-data",
          "application/xml"
        });
  }

  private byte[] randomBytes() {
    return randomRawBytes(random.nextInt(20) == 0 ? 100_000 : random.nextInt(500));
  }

  private byte[] randomRawBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private String mixCase(String text) {
    StringBuilder mixed = new StringBuilder();
    for (char c : text.toCharArray()) {
      mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return mixed.toString();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
