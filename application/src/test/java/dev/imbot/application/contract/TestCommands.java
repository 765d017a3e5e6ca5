package dev.imbot.application.contract;

import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.UpdateBotCommand;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.TestBots;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test data: commands built from the seed's example, changed one field at a time. */
public final class TestCommands {
  /** The seed's handler URL. */
  public static final String SEED_HANDLER = TestBots.SEED_HANDLER;

  /**
   * A 64×64 PNG as the seed's photo, rendered once: ImageIO is slow enough to show in benchmarks.
   */
  public static final String SEED_PHOTO = TestImages.pngBase64(64, 64);

  private TestCommands() {}

  /**
   * The seed's {@code PROPERTIES} (the domain's {@link TestBots#seedProperties}), with a 64×64 PNG.
   */
  public static Map<String, String> seedProperties() {
    Map<String, String> properties = TestBots.seedProperties();
    properties.put("PERSONAL_PHOTO", SEED_PHOTO);
    return properties;
  }

  /** A registration builder preset with the seed's example: {@code CODE=newbot}, {@code TYPE=B}. */
  public static Registration seed(ApplicationKey application) {
    return new Registration(application)
        .code("newbot")
        .type("B")
        .openLine("Y")
        .eventHandler(SEED_HANDLER)
        .properties(seedProperties());
  }

  /** A minimal valid registration: a code, a name, the three required handlers. */
  public static Registration minimal(ApplicationKey application, String code) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("NAME", "Bot " + code);
    return new Registration(application)
        .code(code)
        .handler(BotEvent.MESSAGE_ADD, "https://bot.example.com/add")
        .handler(BotEvent.WELCOME_MESSAGE, "https://bot.example.com/welcome")
        .handler(BotEvent.BOT_DELETE, "https://bot.example.com/delete")
        .properties(properties);
  }

  /** An update of {@code bot} with nothing set yet. */
  public static Update update(ApplicationKey application, BotId bot) {
    return new Update(application, bot);
  }

  /** Builds a {@link RegisterBotCommand}; every setter replaces one raw wire value. */
  public static final class Registration {
    private final ApplicationKey application;
    private String code;
    private String type;
    private String openLine;
    private String eventHandler;
    private final Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    private Map<String, String> properties;

    private Registration(ApplicationKey application) {
      this.application = application;
    }

    public Registration code(String value) {
      code = value;
      return this;
    }

    public Registration type(String value) {
      type = value;
      return this;
    }

    public Registration openLine(String value) {
      openLine = value;
      return this;
    }

    public Registration eventHandler(String value) {
      eventHandler = value;
      return this;
    }

    public Registration handler(BotEvent event, String url) {
      if (url == null) {
        handlers.remove(event);
      } else {
        handlers.put(event, url);
      }
      return this;
    }

    /** Replaces the whole {@code PROPERTIES}; null means not sent. */
    public Registration properties(Map<String, String> value) {
      properties = value == null ? null : new LinkedHashMap<>(value);
      return this;
    }

    /** Sets one property; null removes it. */
    public Registration property(String key, String value) {
      if (properties == null) {
        properties = new LinkedHashMap<>();
      }
      if (value == null) {
        properties.remove(key);
      } else {
        properties.put(key, value);
      }
      return this;
    }

    public RegisterBotCommand build() {
      return new RegisterBotCommand(
          application, code, type, openLine, eventHandler, handlers, properties);
    }
  }

  /** Builds an {@link UpdateBotCommand}; only what is set is sent. */
  public static final class Update {
    private final ApplicationKey application;
    private final BotId bot;
    private String code;
    private String eventHandler;
    private final Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    private Map<String, String> properties;

    private Update(ApplicationKey application, BotId bot) {
      this.application = application;
      this.bot = bot;
    }

    public Update code(String value) {
      code = value;
      return this;
    }

    public Update eventHandler(String value) {
      eventHandler = value;
      return this;
    }

    public Update handler(BotEvent event, String url) {
      handlers.put(event, url);
      return this;
    }

    public Update property(String key, String value) {
      if (properties == null) {
        properties = new LinkedHashMap<>();
      }
      properties.put(key, value);
      return this;
    }

    public Update properties(Map<String, String> value) {
      properties = value == null ? null : new LinkedHashMap<>(value);
      return this;
    }

    public UpdateBotCommand build() {
      return new UpdateBotCommand(application, bot, code, eventHandler, handlers, properties);
    }
  }
}
