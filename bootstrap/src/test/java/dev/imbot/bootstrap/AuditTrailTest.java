package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.audit.PruneAuditTrailUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.common.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: every kind of registry change lands in the audit trail with its actor and address, in
 * the same unit of work as the change (a rolled-back change leaves no entry); the admin API reads
 * it filtered and paged; no secret the test made ever appears in it; entries older than the
 * retention period are pruned. Runs on each database (subclasses).
 */
abstract class AuditTrailTest {
  private static final String ADMIN_TOKEN = "audit-admin-token-7d2f";

  @TempDir Path temp;

  private ServiceDatabase database;
  private RunningService service;

  abstract ServiceDatabase freshDatabase(Path directory);

  @BeforeEach
  void start() {
    database = freshDatabase(temp.resolve("data"));
    service =
        RunningService.start(
            database, Map.of("imbot.admin.token", ADMIN_TOKEN, "imbot.test.manual-clock", true));
  }

  @AfterEach
  void stop() {
    service.close();
    database.close();
  }

  private Answer admin(String method, String path, String json) {
    return service.admin(method, path, json, ADMIN_TOKEN);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> entries(String query) {
    Answer answer = admin("GET", "/audit" + query, null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return (List<Map<String, Object>>) answer.object().get("entries");
  }

  /** Every entry, all pages. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> allEntries() {
    List<Map<String, Object>> all = new ArrayList<>();
    Object next = 0;
    while (next != null) {
      Answer answer = admin("GET", "/audit?start=" + next, null);
      all.addAll((List<Map<String, Object>>) answer.object().get("entries"));
      next = answer.object().get("next");
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> actor(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("actor");
  }

  @Test
  void givenEveryKindOfChange_auditTrail_recordsEachWithItsActorAndNoSecret() {
    List<String> secrets = new ArrayList<>(List.of(ADMIN_TOKEN));
    String webhook = service.firstStartLine().orElseThrow().path();
    secrets.add(webhook.split("/")[3]);

    // Through the first-start webhook (portal user 1).
    Answer registered =
        service.postForm(webhook + "imbot.register", CrestForm.minimal("shop", "helper").encoded());
    long botId = registered.botId();
    assertThat(
            service
                .postForm(webhook + "imbot.register", CrestForm.minimal("shop", "helper").encoded())
                .status())
        .isEqualTo(200);
    assertThat(
            service
                .postForm(
                    webhook + "imbot.update",
                    CrestForm.of()
                        .field("BOT_ID", Long.toString(botId))
                        .field("CLIENT_ID", "shop")
                        .field("FIELDS[PROPERTIES][NAME]", "Renamed")
                        .field("FIELDS[PROPERTIES][COLOR]", "RED")
                        .encoded())
                .status())
        .isEqualTo(200);
    CrestForm command =
        CrestForm.of()
            .field("BOT_ID", Long.toString(botId))
            .field("CLIENT_ID", "shop")
            .field("COMMAND", "echo")
            .field("EVENT_COMMAND_ADD", "https://bot.example.com/handler")
            .field("LANG[0][LANGUAGE_ID]", "en")
            .field("LANG[0][TITLE]", "Echo");
    Answer commandRegistered =
        service.postForm(webhook + "imbot.command.register", command.encoded());
    String commandId = commandRegistered.object().get("result").toString();
    assertThat(service.postForm(webhook + "imbot.command.register", command.encoded()).status())
        .isEqualTo(200);
    assertThat(
            service
                .postForm(
                    webhook + "imbot.command.update",
                    CrestForm.of()
                        .field("COMMAND_ID", commandId)
                        .field("CLIENT_ID", "shop")
                        .field("FIELDS[HIDDEN]", "Y")
                        .encoded())
                .status())
        .isEqualTo(200);
    assertThat(
            service
                .postForm(
                    webhook + "imbot.command.unregister",
                    CrestForm.of()
                        .field("COMMAND_ID", commandId)
                        .field("CLIENT_ID", "shop")
                        .encoded())
                .status())
        .isEqualTo(200);
    assertThat(
            service
                .postForm(
                    webhook + "imbot.unregister",
                    CrestForm.of()
                        .field("BOT_ID", Long.toString(botId))
                        .field("CLIENT_ID", "shop")
                        .encoded())
                .status())
        .isEqualTo(200);

    // A bot whose handler is a private address: its ONIMBOTDELETE is refused, dead at once.
    long blocked =
        service
            .postForm(
                webhook + "imbot.register",
                CrestForm.minimal("shop", "blocked")
                    .field("EVENT_HANDLER", "http://10.0.0.9/handler")
                    .encoded())
            .botId();
    assertThat(
            service
                .postForm(webhook + "imbot.unregister", "BOT_ID=" + blocked + "&CLIENT_ID=shop")
                .status())
        .isEqualTo(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> admin("GET", "/deliveries?status=dead", null).body().contains("\"id\""));
    Object dead =
        ((Map<?, ?>)
                ((List<?>) admin("GET", "/deliveries?status=dead", null).object().get("deliveries"))
                    .get(0))
            .get("id");
    assertThat(admin("POST", "/deliveries/" + dead + "/replay", null).status()).isEqualTo(200);

    // Through the admin API (the operator), and through an application's token.
    Answer application = admin("POST", "/applications", "{\"client_id\":\"crm\"}");
    secrets.add((String) application.object().get("access_token"));
    secrets.add((String) application.object().get("application_token"));
    Answer replaced =
        admin(
            "POST",
            "/applications",
            "{\"client_id\":\"crm\",\"access_token\":\"a-chosen-access-token-123\","
                + "\"handler_url\":\"https://crm.example.com/install\"}");
    assertThat(replaced.status()).isEqualTo(201);
    secrets.add("a-chosen-access-token-123");
    Answer rotated = admin("POST", "/applications/crm/signing-secret/rotate", null);
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    secrets.add(((String) rotated.object().get("secret")).substring("whsec_".length()));
    secrets.add(((String) rotated.object().get("previous_secret")).substring("whsec_".length()));
    Answer reinstalled = admin("POST", "/applications/crm/install", null);
    assertThat(reinstalled.status()).as(reinstalled.toString()).isEqualTo(202);
    Answer byToken =
        service.postForm(
            "/rest/imbot.register",
            CrestForm.of()
                .field("CODE", "crmbot")
                .field("EVENT_HANDLER", "https://bot.example.com/handler")
                .field("PROPERTIES[NAME]", "CRM bot")
                .field("auth", "a-chosen-access-token-123")
                .encoded());
    long crmBot = byToken.botId();
    Answer person = admin("POST", "/users", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}");
    Number personId = (Number) person.object().get("id");
    Answer personWebhook = admin("POST", "/webhooks", "{\"user_id\":" + personId + "}");
    secrets.add((String) personWebhook.object().get("secret"));
    Number webhookId = (Number) personWebhook.object().get("id");
    assertThat(admin("DELETE", "/webhooks/" + webhookId, null).status()).isEqualTo(204);
    assertThat(admin("DELETE", "/users/" + personId, null).status()).isEqualTo(204);
    assertThat(admin("DELETE", "/applications/crm", null).status()).isEqualTo(200);

    List<Map<String, Object>> all = allEntries();

    Set<String> actions =
        all.stream().map(entry -> (String) entry.get("action")).collect(Collectors.toSet());
    assertThat(actions)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList());
    String trail = all.toString();
    for (String secret : secrets) {
      assertThat(trail).as("the trail holds no secret").doesNotContain(secret);
    }
    assertThat(trail).doesNotContain("https://bot.example.com/handler").doesNotContain("10.0.0.9");

    Map<String, Object> registration = entries("?action=bot.registered&bot_id=" + botId).get(0);
    assertThat(registration)
        .containsEntry("application", "customshop")
        .containsEntry("bot_id", (int) botId);
    assertThat(actor(registration))
        .containsEntry("kind", "user")
        .containsEntry("user_id", 1)
        .containsEntry("ip", "127.0.0.1");
    assertThat((String) entries("?action=bot.updated").get(0).get("details"))
        .contains("COLOR", "NAME")
        .doesNotContain("Renamed");
    Map<String, Object> crmRegistration = entries("?action=bot.registered&bot_id=" + crmBot).get(0);
    assertThat(actor(crmRegistration))
        .containsEntry("kind", "application")
        .containsEntry("application", "crm");
    assertThat(entries("?actor=operator&action=application.created")).hasSize(1);
    assertThat(entries("?actor=system"))
        .hasSize(1)
        .first()
        .extracting(e -> e.get("action"))
        .isEqualTo("webhook.created");
    assertThat(entries("?application=crm"))
        .extracting(e -> e.get("action"))
        .containsExactly(
            "application.removed",
            "bot.unregistered",
            "bot.registered",
            "application.reinstalled",
            "application.signing_secret_rotated",
            "application.token_replaced",
            "application.created");
    assertThat((String) entries("?action=command.updated").get(0).get("details"))
        .isEqualTo("HIDDEN");
    assertThat(entries("?actor=user:1")).hasSize(10);
    assertThat(entries("?action=delivery.replayed"))
        .singleElement()
        .satisfies(
            replay -> {
              assertThat(replay)
                  .containsEntry("application", "customshop")
                  .containsEntry("subject", "delivery " + dead)
                  .containsEntry("details", "ONIMBOTDELETE, was dead");
              assertThat(actor(replay)).containsEntry("kind", "operator");
            });
    assertThat(entries("?actor=application:crm")).hasSize(1);
  }

  @Test
  void givenRolledBackChange_auditTrail_hasNoEntryForIt() {
    UnitOfWork unitOfWork = service.bean(UnitOfWork.class);
    AdministerPeopleUseCase people = service.bean(AdministerPeopleUseCase.class);

    try {
      unitOfWork.run(
          () -> {
            people.add(new AddPersonCommand("Rolled Back", null));
            throw new IllegalStateException("fails after the change");
          });
    } catch (IllegalStateException expected) {
      // the whole unit of work is rolled back
    }
    Answer refused = admin("POST", "/users", "{\"name\":\"Bad\",\"email\":\"not-an-address\"}");
    assertThat(refused.status()).isEqualTo(400);

    assertThat(entries("?action=person.added")).isEmpty();
    assertThat(admin("GET", "/users", null).body()).doesNotContain("Rolled Back");
  }

  @Test
  void givenManyEntries_readAuditTrail_pagesFiftyNewestFirstAndFiltersByTime() {
    ManualClock clock = service.bean(ManualClock.class);
    String firstAt = clock.instant().toString();
    for (int i = 0; i < 55; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(admin("POST", "/users", "{\"name\":\"P" + i + "\"}").status()).isEqualTo(201);
    }

    Answer first = admin("GET", "/audit?action=person.added", null);
    Answer second = admin("GET", "/audit?action=person.added&start=50", null);

    assertThat(first.object()).containsEntry("total", 55).containsEntry("next", 50);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> page = (List<Map<String, Object>>) first.object().get("entries");
    assertThat(page).hasSize(50);
    assertThat((String) page.get(0).get("at")).isGreaterThan((String) page.get(49).get("at"));
    assertThat(second.object()).containsEntry("total", 55).doesNotContainKey("next");
    assertThat(entries("?action=person.added&start=50")).hasSize(5);
    String tenth = clock.instant().minusSeconds(45).toString();
    assertThat(entries("?action=person.added&to=" + tenth)).hasSize(9);
    assertThat(entries("?action=person.added&from=" + tenth)).hasSize(46);
    assertThat(entries("?from=" + firstAt + "&to=" + firstAt)).isEmpty();
    assertThat(admin("GET", "/audit?action=nothing", null).status()).isEqualTo(400);
    assertThat(admin("GET", "/audit?from=yesterday", null).status()).isEqualTo(400);
    assertThat(admin("GET", "/audit?actor=someone", null).status()).isEqualTo(400);
    assertThat(service.get("/admin/v1/audit").status()).isEqualTo(401);
  }

  @Test
  void givenEntriesOlderThan90Days_prune_deletesOnlyThose() {
    ManualClock clock = service.bean(ManualClock.class);
    assertThat(admin("POST", "/users", "{\"name\":\"Old\"}").status()).isEqualTo(201);
    clock.advance(Duration.ofDays(60));
    assertThat(admin("POST", "/users", "{\"name\":\"Recent\"}").status()).isEqualTo(201);
    clock.advance(Duration.ofDays(31));

    int deleted = service.bean(PruneAuditTrailUseCase.class).prune();

    // The first-start webhook's entry and the first person's are past 90 days.
    assertThat(deleted).isEqualTo(2);
    assertThat(entries("?action=person.added")).hasSize(1);
  }
}
