package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.PhpQuery.params;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the wire tests: the embedded server over the in-memory portal of {@link
 * InMemoryServices}, a {@link Wire} to it, and ways to get credentials (a webhook of portal user 1,
 * an application's access token) and fresh, unique names, so tests of one class never interfere.
 */
abstract class WireTest {
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  /** The seed's handler URL. */
  static final String HANDLER = "http://www.hazz/chatApi/event.php";

  @Inject EmbeddedServer server;
  @Inject InMemoryPortal portal;
  @Inject AdministerWebhooksUseCase webhooks;
  @Inject AdministerApplicationsUseCase applications;

  Wire wire;

  @BeforeEach
  void connect() {
    wire = new Wire(server);
  }

  /** A new webhook of portal user 1: the path prefix {@code /rest/1/<secret>/}. */
  String webhook() {
    return webhooks.create(1).restPath();
  }

  /** Every stored bot, whole, in id order. */
  List<Bot> storedBots() {
    return portal.bots().listAll().stream()
        .map(summary -> portal.bots().findById(summary.id()).orElseThrow())
        .toList();
  }

  /**
   * {@code url} as an application's handler is bound: a webhook-keyed application's with its {@code
   * CLIENT_ID} appended, as Bitrix24 binds it.
   */
  static HandlerUrl boundHandler(String url, ApplicationKey application) {
    return HandlerUrl.of(HandlerUrl.withClientIdOf(url, application));
  }

  /** A unique name with {@code prefix}, for client ids, codes and e-mails. */
  static String unique(String prefix) {
    return prefix + UNIQUE.incrementAndGet();
  }

  /** Registers an application with {@code clientId} and returns its access token. */
  String applicationToken(String clientId) {
    return applications
        .register(new RegisterApplicationCommand(clientId, null, null))
        .accessToken();
  }

  /** Registers an application whose token expired a minute ago and returns the token. */
  String expiredApplicationToken(String clientId) {
    return applications
        .register(new RegisterApplicationCommand(clientId, null, Instant.now().minusSeconds(60)))
        .accessToken();
  }

  /**
   * The seed's {@code imbot.register} example, word for word, with {@code clientId} for its empty
   * {@code CLIENT_ID} (null: left out) and a real PNG for its {@code '/* base64 image *\/'}.
   */
  static Map<String, Object> seedExample(String clientId) {
    Map<String, Object> properties =
        params(
            "NAME", "NewBot",
            "LAST_NAME", "",
            "COLOR", "GREEN",
            "EMAIL", "test@test.ru",
            "PERSONAL_BIRTHDAY", "2016-03-11",
            "WORK_POSITION", "Лучший сотрудник",
            "PERSONAL_WWW", "http://test.ru",
            "PERSONAL_GENDER", "F",
            "PERSONAL_PHOTO", SEED_PHOTO);
    return params(
        "CODE",
        "newbot",
        "TYPE",
        "B",
        "EVENT_HANDLER",
        HANDLER,
        "OPENLINE",
        "Y",
        "CLIENT_ID",
        clientId,
        "PROPERTIES",
        properties);
  }

  /** The seed's avatar: a real PNG whose base64 holds {@code +}, {@code /} and {@code =}. */
  static final String SEED_PHOTO = seedPhoto();

  private static String seedPhoto() {
    for (int side = 7; side < 64; side++) {
      String base64 = TestImages.pngBase64(side, side + 1);
      if (base64.contains("+") && base64.contains("/") && base64.endsWith("=")) {
        return base64;
      }
    }
    throw new IllegalStateException("no PNG whose base64 has +, / and =");
  }

  /** Minimal valid {@code imbot.register} parameters for {@code clientId} (null: left out). */
  static Map<String, Object> minimalBot(String clientId, String code, String name) {
    return params(
        "CODE", code,
        "EVENT_HANDLER", HANDLER,
        "CLIENT_ID", clientId,
        "PROPERTIES", params("NAME", name));
  }

  /** The {@code PROPERTIES} map of request parameters such as {@link #minimalBot}'s. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> parameters) {
    return (Map<String, Object>) parameters.get("PROPERTIES");
  }

  /** Calls {@code method} through {@code prefix} with the parameters form-encoded as CRest does. */
  Wire.Response call(String prefix, String method, Map<String, Object> parameters) {
    return wire.postForm(prefix + method, PhpQuery.build(parameters));
  }

  /** As {@link #call}, asserting a success envelope; returns its {@code result}. */
  Object ok(String prefix, String method, Map<String, Object> parameters) {
    return Envelopes.assertSuccess(call(prefix, method, parameters));
  }

  /**
   * {@code imbot.command.register} parameters for {@code command} of {@code bot} of the
   * webhook-keyed application {@code clientId}, with one English title.
   */
  static Map<String, Object> commandRegistration(String clientId, long bot, String command) {
    return params(
        "CLIENT_ID",
        clientId,
        "BOT_ID",
        String.valueOf(bot),
        "COMMAND",
        command,
        "EVENT_COMMAND_ADD",
        "https://bot.example.com/commands.php",
        "LANG",
        List.of(params("LANGUAGE_ID", "en", "TITLE", "Echo", "PARAMS", "text to echo")));
  }

  /**
   * {@code imbot.command.answer} parameters: the webhook-keyed application {@code clientId} answers
   * its {@code command} of message {@code message} with {@code text}.
   */
  static Map<String, Object> commandAnswer(
      String clientId, long command, long message, String text) {
    return params(
        "CLIENT_ID",
        clientId,
        "COMMAND_ID",
        String.valueOf(command),
        "MESSAGE_ID",
        String.valueOf(message),
        "MESSAGE",
        text);
  }

  /** Calls {@code method} with the parameters form-encoded and an access token as {@code auth}. */
  Wire.Response callWithToken(String method, Map<String, Object> parameters, String token) {
    return wire.postForm("/rest/" + method, PhpQuery.build(parameters) + "&auth=" + token);
  }

  /** Registers a bot with an application's access token as {@code auth}; returns its id. */
  long registerWithToken(Map<String, Object> parameters, String token) {
    return Envelopes.assertInteger(
        Envelopes.assertSuccess(callWithToken("imbot.register", parameters, token)));
  }

  /** Registers a bot through {@code prefix} with a form POST and returns its id. */
  long register(String prefix, Map<String, Object> parameters) {
    return Envelopes.assertInteger(
        Envelopes.assertSuccess(
            wire.postForm(prefix + "imbot.register", PhpQuery.build(parameters))));
  }
}
