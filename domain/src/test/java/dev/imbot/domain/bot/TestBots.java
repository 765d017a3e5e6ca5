package dev.imbot.domain.bot;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test factory: bots, profiles and raw requests built from the seed's example. Shared with other
 * modules via the test-jar. Every map it returns is a fresh mutable copy, so a test may break one
 * field without affecting another test.
 */
public final class TestBots {

  /** The seed's handler URL. */
  public static final String SEED_HANDLER = "http://www.hazz/chatApi/event.php";

  /** The seed's bot code. */
  public static final String SEED_CODE = "newbot";

  /** An application for tests that need just one. */
  public static final ApplicationKey APPLICATION = ApplicationKey.of("app.test");

  /** A fixed registration time (the domain never reads the clock). */
  public static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

  /** The name of the minimal profile {@link #bot(long, String, String)} gives. */
  public static final String TEST_BOT_NAME = "TestBot";

  private static final String SEED_PHOTO = TestImages.pngBase64(4, 3);

  private TestBots() {}

  /** A bot of application {@code app} with a minimal profile (just a name), via reconstitute. */
  public static Bot bot(long id, String app, String code) {
    return bot(id, app, code, BotProfile.named(TEST_BOT_NAME));
  }

  /** A bot of application {@code app} with the given profile, via reconstitute. */
  public static Bot bot(long id, String app, String code, BotProfile profile) {
    return Bot.reconstitute(
        BotId.of(id),
        ApplicationKey.of(app),
        BotCode.of(code),
        BotType.BOT,
        false,
        profile,
        REGISTERED_AT);
  }

  /** A bot of application {@code app} whose profile has a name and the given e-mail. */
  public static Bot botWithEmail(long id, String app, String code, String email) {
    return bot(id, app, code, profileWithEmail(email));
  }

  /** A minimal profile with an e-mail address (null for none). */
  public static BotProfile profileWithEmail(String email) {
    return new BotProfile(
        TEST_BOT_NAME,
        null,
        null,
        email == null ? null : Email.of(email),
        null,
        null,
        null,
        null,
        null);
  }

  /** The seed's avatar: a real 4×3 PNG, as plain base64. */
  public static String seedPhoto() {
    return SEED_PHOTO;
  }

  /**
   * The seed's {@code PROPERTIES}: NAME {@code NewBot}, an empty LAST_NAME, GREEN, {@code
   * test@test.ru}, born 2016-03-11, {@code Лучший сотрудник}, {@code http://test.ru}, F, and a real
   * PNG as the photo.
   */
  public static Map<String, String> seedProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("NAME", "NewBot");
    properties.put("LAST_NAME", "");
    properties.put("COLOR", "GREEN");
    properties.put("EMAIL", "test@test.ru");
    properties.put("PERSONAL_BIRTHDAY", "2016-03-11");
    properties.put("WORK_POSITION", "Лучший сотрудник");
    properties.put("PERSONAL_WWW", "http://test.ru");
    properties.put("PERSONAL_GENDER", "F");
    properties.put("PERSONAL_PHOTO", SEED_PHOTO);
    return properties;
  }

  /** All five {@code EVENT_*} handlers set to {@code url}. */
  public static Map<BotEvent, String> allHandlers(String url) {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      handlers.put(event, url);
    }
    return handlers;
  }

  /** The three handlers registration requires, set to {@code url}. */
  public static Map<BotEvent, String> requiredHandlers(String url) {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      if (event.requiredAtRegistration()) {
        handlers.put(event, url);
      }
    }
    return handlers;
  }

  /**
   * The seed's request as a checked registration: code {@code newbot}, TYPE B, OPENLINE Y, the
   * seed's EVENT_HANDLER and {@link #seedProperties()}.
   */
  public static BotRegistration seedRegistration() {
    return BotRegistration.validate(
        SEED_CODE, "B", "Y", SEED_HANDLER, new EnumMap<>(BotEvent.class), seedProperties());
  }

  /** A registration with just a code, a name and the seed's handler. */
  public static BotRegistration registration(String code, String name) {
    return BotRegistration.validate(
        code, "B", "N", SEED_HANDLER, new EnumMap<>(BotEvent.class), Map.of("NAME", name));
  }
}
