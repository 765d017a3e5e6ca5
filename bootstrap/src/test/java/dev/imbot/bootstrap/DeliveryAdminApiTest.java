package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase;
import dev.imbot.domain.common.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's delivery API ({@code /admin/v1/deliveries}, {@code /admin/v1/handlers/health},
 * {@code /admin/v1/applications/<id>/signing-secret}) over real HTTP on the whole service, with a
 * real handler server that fails until a test lets it answer: every filter, paging, replays that
 * end delivered, handler health, rotation with both secrets signing, and every refusal.
 */
class DeliveryAdminApiTest {
  static final String TOKEN = "admin-token-for-delivery-tests-0123";

  @TempDir Path directory;
  private ServiceDatabase database;
  private TestHandler handler;
  private RunningService service;
  private String webhook;

  private void start(Map<String, Object> extra) throws Exception {
    database = ServiceDatabase.h2File(directory);
    handler = new TestHandler(Duration.ZERO).answering(500);
    Map<String, Object> properties = new HashMap<>();
    properties.put("imbot.admin.token", TOKEN);
    properties.put("imbot.delivery.allowed-networks", "127.0.0.0/8");
    // One attempt per series: a failure is dead at once.
    properties.put("imbot.delivery.retry-schedule", "0s");
    // The tests' handlers share one host: it must not turn failing (one probe per 30 s) unless a
    // test is about that.
    properties.put("imbot.delivery.failing-after", 1000);
    properties.putAll(extra);
    service = RunningService.start(database, properties);
    webhook = service.firstStartLine().orElseThrow().path();
  }

  @AfterEach
  void stop() {
    TestResources.closeAll(service, handler, database);
  }

  private long register(String clientId, String code, String path) {
    Answer registered =
        service.postForm(
            webhook + "imbot.register",
            CrestForm.minimal(clientId, code).field("EVENT_HANDLER", handler.url(path)).encoded());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    return registered.botId();
  }

  private void unregister(String clientId, long bot) {
    Answer removed =
        service.postForm(webhook + "imbot.unregister", "BOT_ID=" + bot + "&CLIENT_ID=" + clientId);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
  }

  private void message(long bot, String text) {
    Answer sent =
        service.postForm(webhook + "im.message.add", "DIALOG_ID=" + bot + "&MESSAGE=" + text);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
  }

  private Answer admin(String method, String path, String json) {
    return service.admin(method, path, json, TOKEN);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deliveries(String query) {
    Answer answer = admin("GET", "/deliveries" + query, null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return (List<Map<String, Object>>) answer.object().get("deliveries");
  }

  private List<Object> ids(String query) {
    return deliveries(query).stream().map(d -> d.get("id")).toList();
  }

  private void awaitNone(String status) {
    await().atMost(10, TimeUnit.SECONDS).until(() -> deliveries("?status=" + status).isEmpty());
  }

  private static void assertError(Answer answer, int status, String error, String description) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.object()).isEqualTo(Map.of("error", error, "error_description", description));
  }

  @Test
  void givenDeliveriesOfTwoApplications_list_filtersByEachCriterionAndPages() throws Exception {
    start(Map.of());
    long echo = register("one", "echo", "/one");
    long other = register("two", "other", "/two");
    message(echo, "hello");
    unregister("two", other);
    awaitNone("pending");
    for (int i = 0; i < 50; i++) {
      message(echo, "again" + i);
    }
    awaitNone("pending");

    List<Map<String, Object>> all = deliveries("");
    Answer firstPage = admin("GET", "/deliveries", null);
    Answer secondPage = admin("GET", "/deliveries?start=50", null);

    // join + 51 messages to "one", the delete of "two".
    assertThat(firstPage.object()).containsEntry("total", 53).containsEntry("next", 50);
    assertThat(all).hasSize(50);
    assertThat(secondPage.object()).containsEntry("total", 53).doesNotContainKey("next");
    assertThat((List<?>) secondPage.object().get("deliveries")).hasSize(3);
    Map<String, Object> newest = all.get(0);
    assertThat(newest)
        .containsEntry("application", "customone")
        .containsEntry("event", "ONIMBOTMESSAGEADD")
        .containsEntry("handler_url", handler.url("/one?CLIENT_ID=one"))
        .containsEntry("bot_ids", List.of((int) echo))
        .containsEntry("status", "dead")
        .containsEntry("attempts", 1)
        .containsEntry("replays", 0)
        .containsEntry("next_attempt_at", null)
        .containsEntry("last_error", "gave up after 1 attempts: HTTP 500");
    assertThat(ids("?application=customtwo")).hasSize(1);
    Map<String, Object> delete = deliveries("?application=customtwo").get(0);
    assertThat(delete).containsEntry("event", "ONIMBOTDELETE");
    assertThat(ids("?bot_id=" + other)).containsExactly(delete.get("id"));
    assertThat(ids("?bot_id=" + echo + "&start=50")).hasSize(2);
    assertThat(ids("?event=onimbotjoinchat")).hasSize(1);
    assertThat(ids("?event=ONIMBOTDELETE")).containsExactly(delete.get("id"));
    assertThat(ids("?handler=" + RoundTrip.enc(handler.url("/two?CLIENT_ID=two"))))
        .as("a webhook-keyed application's handler is bound with its CLIENT_ID")
        .containsExactly(delete.get("id"));
    assertThat(ids("?status=dead&start=50")).hasSize(3);
    assertThat(ids("?status=delivered")).isEmpty();
    Instant created = Instant.parse((String) newest.get("created_at"));
    assertThat(ids("?from=" + created)).contains(newest.get("id"));
    assertThat(ids("?to=" + created)).doesNotContain(newest.get("id"));
    assertThat(ids("?from=" + created.plusSeconds(60))).isEmpty();
  }

  @Test
  void givenADeadDelivery_replay_sendsItAgainWithTheSameIdAndItEndsDelivered() throws Exception {
    start(Map.of());
    long bot = register("one", "echo", "/one");
    unregister("one", bot);
    awaitNone("pending");
    Map<String, Object> dead = deliveries("?status=dead").get(0);
    long id = ((Number) dead.get("id")).longValue();
    handler.answering(200);

    Answer replayed = admin("POST", "/deliveries/" + id + "/replay", null);

    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    assertThat(replayed.object()).containsEntry("id", (int) id).containsEntry("replays", 1);
    await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () ->
                "delivered".equals(admin("GET", "/deliveries/" + id, null).object().get("status")));
    Answer shown = admin("GET", "/deliveries/" + id, null);
    assertThat(shown.object()).containsEntry("bot_ids", List.of((int) bot));
    assertThat((List<?>) shown.object().get("attempt_log"))
        .extracting(a -> ((Map<?, ?>) a).get("series"), a -> ((Map<?, ?>) a).get("status"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 500),
            org.assertj.core.groups.Tuple.tuple(2, 200));
    Map<?, ?> failed = (Map<?, ?>) ((List<?>) shown.object().get("attempt_log")).get(0);
    assertThat(failed.get("response")).isEqualTo("failing with 500");
    assertThat(failed.get("cause")).isEqualTo("HTTP 500");
    assertThat(failed.get("number")).isEqualTo(1);
    assertThat(((Number) failed.get("duration_ms")).longValue()).isNotNegative();
    List<TestHandler.Request> received = handler.requests();
    assertThat(received).hasSize(2);
    assertThat(received.get(1).headers().get("webhook-id"))
        .isEqualTo(received.get(0).headers().get("webhook-id"))
        .isEqualTo(Long.toString(id));
    assertThat(received.get(1).headers().get("x-imbot-attempt")).isEqualTo("1");
    // The body shown is the one the handler got up to the auth block minted at the attempt.
    assertThat(received.get(1).body()).startsWith(shown.object().get("body") + "&auth%5B");
    Map<?, ?> fields = (Map<?, ?>) shown.object().get("body_fields");
    assertThat(fields.get("event")).isEqualTo("ONIMBOTDELETE");
    assertThat(((Map<?, ?>) fields.get("data")).get("BOT_CODE")).isEqualTo("echo");
    assertThat(List.<Object>copyOf(fields.keySet()))
        .containsExactly("event", "event_handler_id", "data", "ts");
  }

  @Test
  void givenDeadDeliveriesOfTwoHandlers_replayAllDeadOfAFilter_replaysThoseOnlyAndTheyEndDelivered()
      throws Exception {
    start(Map.of());
    long one = register("one", "echo", "/one");
    long two = register("two", "other", "/two");
    message(one, "a");
    message(one, "b");
    message(two, "c");
    awaitNone("pending");
    handler.answering(200);

    Answer replayed =
        admin(
            "POST", "/deliveries/replay", "{\"application\":\"customone\",\"bot_id\":" + one + "}");

    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    assertThat(replayed.object()).isEqualTo(Map.of("replayed", 3));
    await().atMost(10, TimeUnit.SECONDS).until(() -> ids("?status=delivered").size() == 3);
    assertThat(ids("?status=dead")).hasSize(2);
    assertThat(deliveries("?status=dead"))
        .allSatisfy(d -> assertThat(d).containsEntry("application", "customtwo"));
    assertThat(admin("POST", "/deliveries/replay", null).object()).isEqualTo(Map.of("replayed", 2));
    await().atMost(10, TimeUnit.SECONDS).until(() -> ids("?status=delivered").size() == 5);
    Answer audit = admin("GET", "/audit?action=delivery.replayed", null);
    assertThat((List<?>) audit.object().get("entries")).hasSize(2);
  }

  @Test
  void givenFailuresThenASuccessThenFiveFailures_handlersHealth_turnsFromOkToFailing()
      throws Exception {
    start(Map.of("imbot.delivery.failing-after", 5));
    long bot = register("one", "echo", "/one");
    message(bot, "first"); // the welcome event and the message: two failures
    awaitNone("pending");
    Answer twoFailures = admin("GET", "/handlers/health", null);
    handler.answering(200);
    message(bot, "ok");
    awaitNone("pending");
    Answer recovered = admin("GET", "/handlers/health?application=customone", null);
    handler.answering(500);
    for (int i = 0; i < 5; i++) {
      message(bot, "m" + i);
      awaitNone("pending");
    }

    Answer failing = admin("GET", "/handlers/health", null);
    Answer none = admin("GET", "/handlers/health?application=customnone", null);

    assertThat(health(twoFailures))
        .containsEntry("handler_url", handler.url("/one?CLIENT_ID=one"))
        .containsEntry("state", "ok")
        .containsEntry("consecutive_failures", 2);
    assertThat(health(recovered))
        .containsEntry("state", "ok")
        .containsEntry("consecutive_failures", 0)
        .containsEntry("success_rate", 0.3333);
    Map<?, ?> health = health(failing);
    assertThat(health.get("state")).isEqualTo("failing");
    assertThat(health.get("attempts")).isEqualTo(8);
    assertThat(health.get("successes")).isEqualTo(1);
    assertThat(health.get("success_rate")).isEqualTo(0.125);
    assertThat(health.get("consecutive_failures")).isEqualTo(5);
    assertThat(((Number) health.get("p99_ms")).longValue())
        .isGreaterThanOrEqualTo(((Number) health.get("p50_ms")).longValue());
    List<?> minutes = (List<?>) health.get("minutes");
    assertThat(minutes).hasSize(60);
    assertThat(count(minutes, "failures")).isEqualTo(7);
    assertThat(count(minutes, "successes")).isEqualTo(1);
    assertThat((List<?>) none.json()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> health(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<?> handlers = (List<?>) answer.json();
    assertThat(handlers).hasSize(1);
    return (Map<String, Object>) handlers.get(0);
  }

  private static int count(List<?> minutes, String key) {
    return minutes.stream().mapToInt(m -> ((Number) ((Map<?, ?>) m).get(key)).intValue()).sum();
  }

  @Test
  void givenARotation_nextDelivery_isSignedWithTheNewAndTheOldSecret() throws Exception {
    start(Map.of());
    handler.answering(200);
    long bot = register("one", "echo", "/one");
    Answer before = admin("GET", "/applications/customone/signing-secret", null);

    Answer rotated = admin("POST", "/applications/customone/signing-secret/rotate", null);
    message(bot, "signed");
    await().atMost(10, TimeUnit.SECONDS).until(() -> handler.requests().size() == 2);

    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    assertThat(before.object())
        .containsEntry("client_id", "customone")
        .containsEntry("previous_secret", null)
        .containsEntry("previous_until", null);
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String current = (String) rotated.object().get("secret");
    String previous = (String) rotated.object().get("previous_secret");
    assertThat(previous).isEqualTo(before.object().get("secret"));
    assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
    assertThat(Instant.parse((String) rotated.object().get("previous_until")))
        .isAfter(Instant.now().plus(Duration.ofHours(23)));
    TestHandler.Request last = handler.requests().get(1);
    String signed =
        last.headers().get("webhook-id")
            + "."
            + last.headers().get("webhook-timestamp")
            + "."
            + last.body();
    assertThat(last.headers().get("webhook-signature"))
        .isEqualTo(
            WebhookSignature.v1(current, signed) + " " + WebhookSignature.v1(previous, signed));
    assertThat(admin("GET", "/audit?action=application.signing_secret_rotated", null).body())
        .contains("customone")
        .doesNotContain(current.substring(6))
        .doesNotContain(previous.substring(6));
  }

  @Test
  void givenBadRequests_theDeliveryApi_answersEachInWordsWithItsStatus() throws Exception {
    start(Map.of());
    long bot = register("one", "echo", "/one");
    handler.answering(200);
    assertThat(admin("GET", "/deliveries", null).object()).containsEntry("total", 0);

    assertError(
        admin("GET", "/deliveries?status=lost", null),
        400,
        "INVALID",
        "status: pending, delivered or dead");
    assertError(
        admin("GET", "/deliveries?bot_id=x", null), 400, "INVALID", "bot_id: must be an integer");
    assertError(
        admin("GET", "/deliveries?bot_id=0", null), 400, "INVALID", "bot_id: must be positive");
    assertError(
        admin("GET", "/deliveries?start=-1", null), 400, "INVALID", "start: must not be negative");
    assertError(
        admin("GET", "/deliveries?from=yesterday", null),
        400,
        "INVALID",
        "from: must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    assertError(
        admin("GET", "/deliveries?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", null),
        400,
        "INVALID",
        "from: must be before to");
    assertError(
        admin("POST", "/deliveries/replay", "{\"bot_id\":\"7\"}"),
        400,
        "INVALID",
        "bot_id: must be an integer");
    assertError(admin("GET", "/deliveries/424242", null), 404, "NOT_FOUND", "no delivery 424242");
    assertError(
        admin("POST", "/deliveries/424242/replay", null), 404, "NOT_FOUND", "no delivery 424242");
    assertThat(admin("GET", "/deliveries/abc", null).status()).isEqualTo(400);
    assertError(
        admin("GET", "/applications/custom-typo/signing-secret", null),
        404,
        "NOT_FOUND",
        "no application custom-typo");
    assertError(
        admin("POST", "/applications/" + "x".repeat(200) + "/signing-secret/rotate", null),
        404,
        "NOT_FOUND",
        "no application " + "x".repeat(200));
    assertError(
        service.admin("GET", "/deliveries", null, "wrong-token"),
        401,
        "NO_AUTH_FOUND",
        "Wrong admin token");
    // A pending delivery is not replayed: its attempts go on.
    handler.delaying(Duration.ofSeconds(3));
    message(bot, "slow");
    long pending = ((Number) deliveries("?status=pending").get(0).get("id")).longValue();
    assertError(
        admin("POST", "/deliveries/" + pending + "/replay", null),
        409,
        "CONFLICT",
        "delivery " + pending + " is pending: its attempts go on, replay it once it is dead");
  }

  @Test
  void givenTimePassing_pruning_deletesDeliveredAfterAWeekAndDeadAfterAMonthNeverPending()
      throws Exception {
    start(Map.of("imbot.test.manual-clock", "true"));
    ManualClock clock = service.bean(ManualClock.class);
    long delivered = register("one", "echo", "/one");
    unregister("one", delivered);
    awaitNone("pending");
    handler.answering(200);
    long bot = register("one", "other", "/one");
    message(bot, "delivered");
    awaitNone("pending");
    assertThat(ids("?status=dead")).hasSize(1);
    assertThat(ids("?status=delivered")).hasSize(2);
    PruneDeliveriesUseCase prune = service.bean(PruneDeliveriesUseCase.class);

    clock.advance(Duration.ofDays(7).minusMinutes(1));
    PruneDeliveriesUseCase.Pruned early = prune.prune();
    clock.advance(Duration.ofMinutes(2));
    PruneDeliveriesUseCase.Pruned week = prune.prune();
    clock.advance(Duration.ofDays(23));
    PruneDeliveriesUseCase.Pruned month = prune.prune();

    assertThat(early.total()).isZero();
    assertThat(week).isEqualTo(new PruneDeliveriesUseCase.Pruned(2, 0));
    assertThat(month).isEqualTo(new PruneDeliveriesUseCase.Pruned(0, 1));
    assertThat(admin("GET", "/deliveries", null).object()).containsEntry("total", 0);
  }
}
