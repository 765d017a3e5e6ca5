package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.in.delivery.ListDeliveriesQuery;
import dev.imbot.application.port.in.delivery.ListDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthQuery;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthUseCase;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesCommand;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReplayDeliveryCommand;
import dev.imbot.application.port.in.delivery.ReplayDeliveryUseCase;
import dev.imbot.application.port.in.delivery.RotateSigningSecretCommand;
import dev.imbot.application.port.in.delivery.RotateSigningSecretUseCase;
import dev.imbot.application.port.in.delivery.ShowDeliveryQuery;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase.ShownDelivery;
import dev.imbot.application.port.in.delivery.ShowSigningSecretUseCase;
import dev.imbot.application.port.in.delivery.SigningSecretQuery;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.HandlerHealth;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator API: event deliveries under {@code /admin/v1/}: listed by filter (50 a page, newest
 * first), one with its attempt log and body, replayed (one, or all the dead ones of a filter), each
 * handler's last hour, and an application's signing secret and its rotation.
 */
@Controller("/admin/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ListDeliveriesUseCase.class)
public final class DeliveriesController {
  private final ListDeliveriesUseCase list;
  private final ShowDeliveryUseCase show;
  private final ReplayDeliveryUseCase replay;
  private final ReplayDeadDeliveriesUseCase replayDead;
  private final ReadHandlerHealthUseCase health;
  private final ShowSigningSecretUseCase secret;
  private final RotateSigningSecretUseCase rotate;
  private final ActingAs actingAs;
  private final HttpClientAddressResolver addresses;

  public DeliveriesController(
      ListDeliveriesUseCase list,
      ShowDeliveryUseCase show,
      ReplayDeliveryUseCase replay,
      ReplayDeadDeliveriesUseCase replayDead,
      ReadHandlerHealthUseCase health,
      ShowSigningSecretUseCase secret,
      RotateSigningSecretUseCase rotate,
      ActingAs actingAs,
      HttpClientAddressResolver addresses) {
    this.list = list;
    this.show = show;
    this.replay = replay;
    this.replayDead = replayDead;
    this.health = health;
    this.secret = secret;
    this.rotate = rotate;
    this.actingAs = actingAs;
    this.addresses = addresses;
  }

  /**
   * Filters, all optional: {@code application}, {@code bot_id}, {@code event}, {@code handler} (the
   * URL exactly), {@code status} ({@code pending}, {@code delivered}, {@code dead}), {@code from}
   * and {@code to} (ISO-8601 instants; recorded from {@code from}, before {@code to}); {@code
   * start} is the page's offset.
   */
  @Get("/deliveries")
  public Map<String, Object> deliveries(
      @Nullable @QueryValue("application") String application,
      @Nullable @QueryValue("bot_id") String botId,
      @Nullable @QueryValue("event") String event,
      @Nullable @QueryValue("handler") String handler,
      @Nullable @QueryValue("status") String status,
      @Nullable @QueryValue("from") String from,
      @Nullable @QueryValue("to") String to,
      @Nullable @QueryValue("start") String start) {
    DeliveryFilter filter =
        DeliveryFilters.of(application, botId, event, handler, status, from, to);
    int offset = (int) Math.min(AdminQueries.number("start", start, 0L), 1L << 30);
    DeliveryPage page = list.list(new ListDeliveriesQuery(filter, offset));
    return AdminQueries.page(
        "deliveries",
        page.deliveries().stream().map(DeliveriesController::delivery).toList(),
        page.total(),
        page.next());
  }

  /** The delivery, its attempt log (every series, oldest first) and its body as stored. */
  @Get("/deliveries/{id}")
  public Map<String, Object> delivery(@PathVariable long id) {
    ShownDelivery shown =
        show.show(new ShowDeliveryQuery(id))
            .orElseThrow(() -> new AdministrationException(Kind.NOT_FOUND, "no delivery " + id));
    Map<String, Object> answer = delivery(shown.details().delivery());
    answer.put(
        "attempt_log",
        shown.details().attempts().stream().map(DeliveriesController::attempt).toList());
    answer.put("body", shown.body().encode());
    answer.put("body_fields", shown.body().asTree());
    return answer;
  }

  /** Starts a dead (or delivered) delivery over: pending at once, a new series, the same id. */
  @Post("/deliveries/{id}/replay")
  public Map<String, Object> replay(HttpRequest<?> request, @PathVariable long id) {
    return delivery(asOperator(request, () -> replay.replay(new ReplayDeliveryCommand(id))));
  }

  /**
   * Replays every dead delivery the body's filter matches ({@code application}, {@code bot_id},
   * {@code event}, {@code handler}, {@code from}, {@code to}, as the list takes them; an empty
   * body: all dead deliveries). Answers {@code {"replayed": n}}.
   */
  @Post("/deliveries/replay")
  public Map<String, Object> replayDead(
      HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
    DeliveryFilter filter =
        DeliveryFilters.of(
            AdminRequests.text(body, "application"),
            body != null && body.get("bot_id") != null
                ? Long.toString(AdminRequests.number(body, "bot_id"))
                : null,
            AdminRequests.text(body, "event"),
            AdminRequests.text(body, "handler"),
            null,
            AdminRequests.text(body, "from"),
            AdminRequests.text(body, "to"));
    int replayed =
        asOperator(request, () -> replayDead.replayDead(new ReplayDeadDeliveriesCommand(filter)));
    return Map.of("replayed", replayed);
  }

  /** Each handler URL with attempts in the last hour; {@code application} narrows it. */
  @Get("/handlers/health")
  public List<Map<String, Object>> health(@Nullable @QueryValue("application") String application) {
    String only = application == null || application.isBlank() ? null : application.strip();
    return health.health(new ReadHandlerHealthQuery(only)).stream()
        .map(DeliveriesController::health)
        .toList();
  }

  /** The application's signing secret (and the previous one while it still signs). */
  @Get("/applications/{clientId}/signing-secret")
  public Map<String, Object> signingSecret(@PathVariable String clientId) {
    ApplicationKey key = DeliveryFilters.application(clientId);
    return secret(key, secret.show(new SigningSecretQuery(key)));
  }

  /** A new signing secret; the old one keeps signing beside it for 24 hours. */
  @Post("/applications/{clientId}/signing-secret/rotate")
  public Map<String, Object> rotateSigningSecret(
      HttpRequest<?> request, @PathVariable String clientId) {
    ApplicationKey key = DeliveryFilters.application(clientId);
    return secret(
        key, asOperator(request, () -> rotate.rotate(new RotateSigningSecretCommand(key))));
  }

  private <T> T asOperator(HttpRequest<?> request, java.util.function.Supplier<T> work) {
    return actingAs.run(Actor.operator(addresses.resolve(request)), work);
  }

  private static Map<String, Object> delivery(DeliveryRecord delivery) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", delivery.id());
    answer.put("application", delivery.application());
    answer.put("event", delivery.event());
    answer.put("handler_url", delivery.handlerUrl());
    answer.put("bot_ids", delivery.botIds());
    answer.put("status", delivery.status().name().toLowerCase(Locale.ROOT));
    answer.put("attempts", delivery.attempts());
    answer.put("replays", delivery.replays());
    answer.put("created_at", delivery.createdAt().toString());
    answer.put(
        "next_attempt_at",
        delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString());
    answer.put(
        "finished_at", delivery.finishedAt() == null ? null : delivery.finishedAt().toString());
    answer.put("last_error", delivery.lastError());
    return answer;
  }

  private static Map<String, Object> attempt(LoggedAttempt logged) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("series", logged.series());
    answer.put("number", logged.attempt().number());
    answer.put("started_at", logged.attempt().startedAt().toString());
    answer.put("duration_ms", logged.attempt().duration().toMillis());
    answer.put("status", logged.attempt().status());
    answer.put("response", logged.attempt().responseStart());
    answer.put("cause", logged.attempt().cause());
    return answer;
  }

  private static Map<String, Object> health(HandlerHealth health) {
    HandlerActivity activity = health.activity();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("handler_url", health.handlerUrl());
    answer.put("state", health.state().name().toLowerCase(Locale.ROOT));
    answer.put("attempts", activity.attempts());
    answer.put("successes", activity.successes());
    answer.put("success_rate", Math.round(health.successRate() * 10000) / 10000.0);
    answer.put("p50_ms", activity.p50().toMillis());
    answer.put("p99_ms", activity.p99().toMillis());
    answer.put("consecutive_failures", activity.consecutiveFailures());
    answer.put(
        "minutes",
        health.minutes().stream()
            .map(
                m -> {
                  Map<String, Object> minute = new LinkedHashMap<>();
                  minute.put("minute", m.start().toString());
                  minute.put("successes", m.successes());
                  minute.put("failures", m.failures());
                  return minute;
                })
            .toList());
    return answer;
  }

  private static Map<String, Object> secret(ApplicationKey key, SigningKeys keys) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", key.value());
    answer.put("secret", keys.current().text());
    answer.put("previous_secret", keys.previous() == null ? null : keys.previous().text());
    answer.put(
        "previous_until", keys.previousUntil() == null ? null : keys.previousUntil().toString());
    return answer;
  }
}
