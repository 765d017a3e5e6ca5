package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the assembled service (configuration, wiring, HTTP, persistence) started as {@link
 * Application} starts it, called over real HTTP, stopped and started again on the same database.
 * Runs on each database the service supports (subclasses).
 */
abstract class ServiceEndToEndTest {
  static final String ADMIN_TOKEN = "e2e-admin-token";

  @TempDir Path temp;

  ServiceDatabase database;

  /** A fresh, empty database for one test. */
  abstract ServiceDatabase freshDatabase(Path directory);

  @BeforeEach
  void createDatabase() {
    database = freshDatabase(temp.resolve("data"));
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void givenFreshDatabase_start_createsFirstStartWebhookAndPrintsItsUrlOnce() {
    FirstStartLine line;
    try (RunningService first = RunningService.start(database)) {
      List<FirstStartLine> printed = FirstStartLine.all(first.startOutput());
      assertThat(printed).as(first.startOutput()).hasSize(1);
      line = printed.get(0);
      assertThat(line.url()).startsWith(first.baseUrl() + "/rest/1/");

      Answer list = first.getUrl(line.url() + "imbot.bot.list");

      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      assertThat(list.result()).isEqualTo(List.of());
    }

    try (RunningService second = RunningService.start(database)) {
      assertThat(FirstStartLine.all(second.startOutput())).isEmpty();
      assertThat(second.startOutput()).doesNotContain(line.path());
      assertThat(second.get(line.path() + "imbot.bot.list").status()).isEqualTo(200);
    }
  }

  @Test
  void givenStartedService_getHealth_answersUp() {
    try (RunningService service = RunningService.start(database)) {
      Answer health = service.get("/health");

      assertThat(health.status()).as(health.toString()).isEqualTo(200);
      assertThat(health.object()).isEqualTo(Map.of("status", "UP"));
    }
  }

  @Test
  void givenSeedExampleAsCrestSendsIt_registerThroughFirstStartWebhook_answersIntegerIdOnTheList() {
    try (RunningService service = RunningService.start(database)) {
      String webhook = service.firstStartLine().orElseThrow().url();

      Answer registered =
          service.postFormUrl(
              webhook + "imbot.register.json", CrestForm.seedExample("myapp").encoded());

      assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
      assertThat(registered.contentType()).isEqualTo("application/json; charset=utf-8");
      assertThat(registered.body()).startsWith("{\"result\":2,\"time\":{");
      assertThat(registered.botId()).isEqualTo(2);

      Answer list = service.getUrl(webhook + "imbot.bot.list");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.result())
          .isEqualTo(
              Map.of("2", Map.of("ID", 2, "NAME", "NewBot", "CODE", "newbot", "OPENLINE", "Y")));

      Answer again =
          service.postFormUrl(
              webhook + "imbot.register.json", CrestForm.seedExample("myapp").encoded());
      assertThat(again.botId()).as("re-registration answers the existing id").isEqualTo(2);
      Bot stored = wholeBots(service.bean(Bots.class)).get(0);
      assertThat(stored.application()).isEqualTo(ApplicationKey.fromClientId("myapp"));
      assertThat(stored.profile().workPosition()).isEqualTo("Лучший сотрудник");
    }
  }

  @Test
  void givenBotsHandlersAndAnAdminApplication_restart_keepsThemAllWorking() {
    Map<String, Object> adminOn = Map.of("imbot.admin.token", ADMIN_TOKEN);
    FirstStartLine webhook;
    String accessToken;
    long supportBot;
    long seedBot;
    Object listBefore;
    List<Bot> botsBefore;
    HandlerBindings crmBindings;
    HandlerBindings myappBindings;
    ApplicationKey crm = ApplicationKey.of("crm.example");
    ApplicationKey myapp = ApplicationKey.fromClientId("myapp");

    try (RunningService first = RunningService.start(database, adminOn)) {
      webhook = first.firstStartLine().orElseThrow();
      Answer application =
          first.admin("POST", "/applications", "{\"client_id\":\"crm.example\"}", ADMIN_TOKEN);
      assertThat(application.status()).as(application.toString()).isEqualTo(201);
      accessToken = (String) application.object().get("access_token");

      Answer support = first.postForm("/rest/imbot.register", supportBot(accessToken).encoded());
      assertThat(support.status()).as(support.toString()).isEqualTo(200);
      supportBot = support.botId();
      Answer seed =
          first.postForm(
              webhook.path() + "imbot.register", CrestForm.seedExample("myapp").encoded());
      assertThat(seed.status()).as(seed.toString()).isEqualTo(200);
      seedBot = seed.botId();

      listBefore = first.get(webhook.path() + "imbot.bot.list").result();
      botsBefore = wholeBots(first.bean(Bots.class));
      crmBindings = first.bean(ApplicationHandlers.class).bindingsOf(crm);
      myappBindings = first.bean(ApplicationHandlers.class).bindingsOf(myapp);
    }
    assertThat(botsBefore).hasSize(2);
    assertThat(botsBefore.get(0).profile().avatar()).isNotNull();
    assertThat(crmBindings).isEqualTo(SUPPORT_BINDINGS);
    assertThat(myappBindings.asMap()).hasSize(5);

    try (RunningService second = RunningService.start(database, adminOn)) {
      assertThat(FirstStartLine.all(second.startOutput())).isEmpty();

      // The bots, whole: profile, avatar, type, Open Lines, registration time.
      assertThat(wholeBots(second.bean(Bots.class))).isEqualTo(botsBefore);
      Answer list = second.get(webhook.path() + "imbot.bot.list");
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      assertThat(list.result()).isEqualTo(listBefore);
      // The handler bindings (not observable over HTTP until events are delivered).
      assertThat(second.bean(ApplicationHandlers.class).bindingsOf(crm)).isEqualTo(crmBindings);
      assertThat(second.bean(ApplicationHandlers.class).bindingsOf(myapp)).isEqualTo(myappBindings);

      // The admin-created access token and the first-start webhook both still authenticate, and
      // re-registration finds the stored bots.
      Answer support = second.postForm("/rest/imbot.register", supportBot(accessToken).encoded());
      assertThat(support.status()).as(support.toString()).isEqualTo(200);
      assertThat(support.botId()).isEqualTo(supportBot);
      assertThat(
              second
                  .postForm(
                      webhook.path() + "imbot.register", CrestForm.seedExample("myapp").encoded())
                  .botId())
          .isEqualTo(seedBot);
      assertThat(second.get("/rest/imbot.bot.list?auth=" + accessToken).result())
          .isEqualTo(listBefore);

      // The id sequence survived: a new bot gets a new id.
      long next =
          second
              .postForm(
                  webhook.path() + "imbot.register", CrestForm.minimal("myapp", "later").encoded())
              .botId();
      assertThat(next).isGreaterThan(Math.max(supportBot, seedBot));

      Answer applications = second.admin("GET", "/applications", null, ADMIN_TOKEN);
      assertThat(applications.status()).isEqualTo(200);
      assertThat(applications.body()).contains("\"client_id\":\"crm.example\"");
    }
  }

  @Test
  void givenLimitOfTwoBotsPerApplication_registerThird_answersMaxCountErrorNamingTheLimit() {
    try (RunningService service =
        RunningService.start(database, Map.of("imbot.registration.max-bots-per-application", 2))) {
      String webhook = service.firstStartLine().orElseThrow().path();
      long first =
          service
              .postForm(webhook + "imbot.register", CrestForm.minimal("app", "one").encoded())
              .botId();
      service
          .postForm(webhook + "imbot.register", CrestForm.minimal("app", "two").encoded())
          .botId();

      Answer third =
          service.postForm(webhook + "imbot.register", CrestForm.minimal("app", "three").encoded());

      assertThat(third.status()).as(third.toString()).isEqualTo(400);
      assertThat(third.error()).isEqualTo("MAX_COUNT_ERROR");
      assertThat(third.errorDescription())
          .isEqualTo("Has reached the maximum number of bots for application (max: 2)");
      // At the limit, a known code is still answered with its id (step 10 before step 11) ...
      assertThat(
              service
                  .postForm(webhook + "imbot.register", CrestForm.minimal("app", "one").encoded())
                  .botId())
          .isEqualTo(first);
      // ... and the limit is per application.
      assertThat(
              service
                  .postForm(
                      webhook + "imbot.register", CrestForm.minimal("other", "three").encoded())
                  .status())
          .isEqualTo(200);
    }
  }

  /** Handlers bound by {@link #supportBot}: an Open Lines bot binds all five. */
  static final HandlerBindings SUPPORT_BINDINGS = supportBindings();

  /** An Open Lines bot with every profile field, registered with an application's token. */
  static CrestForm supportBot(String accessToken) {
    return CrestForm.of()
        .field("auth", accessToken)
        .field("CODE", "support")
        .field("TYPE", "O")
        .field("EVENT_MESSAGE_ADD", "https://crm.example.com/bot/add")
        .field("EVENT_MESSAGE_UPDATE", "https://crm.example.com/bot/update")
        .field("EVENT_MESSAGE_DELETE", "https://crm.example.com/bot/delete-message")
        .field("EVENT_WELCOME_MESSAGE", "https://crm.example.com/bot/welcome")
        .field("EVENT_BOT_DELETE", "https://crm.example.com/bot/delete")
        .field("PROPERTIES[NAME]", "Support")
        .field("PROPERTIES[LAST_NAME]", "Desk")
        .field("PROPERTIES[COLOR]", "AQUA")
        .field("PROPERTIES[EMAIL]", "support@crm.example.com")
        .field("PROPERTIES[PERSONAL_BIRTHDAY]", "2020-02-29")
        .field("PROPERTIES[WORK_POSITION]", "Первая линия")
        .field("PROPERTIES[PERSONAL_WWW]", "https://crm.example.com")
        .field("PROPERTIES[PERSONAL_GENDER]", "M")
        .field("PROPERTIES[PERSONAL_PHOTO]", TestImages.pngBase64(16, 16));
  }

  private static HandlerBindings supportBindings() {
    Map<BotEvent, HandlerUrl> urls = new EnumMap<>(BotEvent.class);
    urls.put(BotEvent.MESSAGE_ADD, url("https://crm.example.com/bot/add", BotEvent.MESSAGE_ADD));
    urls.put(
        BotEvent.MESSAGE_UPDATE,
        url("https://crm.example.com/bot/update", BotEvent.MESSAGE_UPDATE));
    urls.put(
        BotEvent.MESSAGE_DELETE,
        url("https://crm.example.com/bot/delete-message", BotEvent.MESSAGE_DELETE));
    urls.put(
        BotEvent.WELCOME_MESSAGE,
        url("https://crm.example.com/bot/welcome", BotEvent.WELCOME_MESSAGE));
    urls.put(BotEvent.BOT_DELETE, url("https://crm.example.com/bot/delete", BotEvent.BOT_DELETE));
    return HandlerBindings.of(urls);
  }

  private static HandlerUrl url(String url, BotEvent event) {
    return HandlerUrl.parse(url, event);
  }

  /** Every stored bot, whole: the list's summaries read back one by one. */
  private static List<Bot> wholeBots(Bots bots) {
    return bots.listAll().stream()
        .map(summary -> bots.findById(summary.id()).orElseThrow())
        .toList();
  }
}
