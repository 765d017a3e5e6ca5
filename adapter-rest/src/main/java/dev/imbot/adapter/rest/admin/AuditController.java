package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.audit.ReadAuditTrailQuery;
import dev.imbot.application.port.in.audit.ReadAuditTrailUseCase;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.audit.AuditFilter;
import dev.imbot.domain.audit.AuditPage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operator API: the audit trail at {@code /admin/v1/audit}, newest first, 50 a page ({@code start},
 * answered with {@code total} and, when more exist, {@code next}). Filters, all optional: {@code
 * bot_id}, {@code application}, {@code actor} ({@code operator}, {@code system}, {@code user:<id>},
 * {@code application:<client key>}), {@code action} ({@code bot.registered}, …), {@code from} and
 * {@code to} (ISO-8601 instants, from inclusive).
 */
@Controller("/admin/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ReadAuditTrailUseCase.class)
public final class AuditController {
  private final ReadAuditTrailUseCase trail;

  public AuditController(ReadAuditTrailUseCase trail) {
    this.trail = trail;
  }

  @Get
  public Map<String, Object> read(
      @Nullable @QueryValue("bot_id") String botId,
      @Nullable @QueryValue("application") String application,
      @Nullable @QueryValue("actor") String actor,
      @Nullable @QueryValue("action") String action,
      @Nullable @QueryValue("from") String from,
      @Nullable @QueryValue("to") String to,
      @Nullable @QueryValue("start") String start) {
    AuditFilter filter = filter(botId, application, actor, action, from, to);
    AuditPage page =
        trail.read(
            new ReadAuditTrailQuery(
                filter, (int) Math.min(AdminQueries.number("start", start, 0L), 1L << 30)));
    return AdminQueries.page(
        "entries",
        page.entries().stream().map(AuditController::entry).toList(),
        page.total(),
        page.next());
  }

  private static AuditFilter filter(
      String botId, String application, String actor, String action, String from, String to) {
    Actor.Kind kind = null;
    Long actorUser = null;
    String actorApplication = null;
    if (actor != null && !actor.isBlank()) {
      String value = actor.strip();
      if (value.equals("operator")) {
        kind = Actor.Kind.OPERATOR;
      } else if (value.equals("system")) {
        kind = Actor.Kind.SYSTEM;
      } else if (value.startsWith("user:")) {
        kind = Actor.Kind.USER;
        actorUser = AdminQueries.number("actor", value.substring("user:".length()), null);
      } else if (value.startsWith("application:") && value.length() > "application:".length()) {
        kind = Actor.Kind.APPLICATION;
        actorApplication = value.substring("application:".length());
      } else {
        throw AdminQueries.invalid(
            "actor: operator, system, user:<id> or application:<client key>");
      }
    }
    AuditAction audited = null;
    if (action != null && !action.isBlank()) {
      audited = AuditAction.fromWireName(action.strip().toLowerCase(Locale.ROOT));
      if (audited == null) {
        throw AdminQueries.invalid(
            "action: one of "
                + Arrays.stream(AuditAction.values())
                    .map(AuditAction::wireName)
                    .collect(Collectors.joining(", ")));
      }
    }
    return new AuditFilter(
        AdminQueries.number("bot_id", botId, null),
        application == null || application.isBlank() ? null : application.strip(),
        kind,
        actorUser,
        actorApplication,
        audited,
        AdminQueries.instant("from", from),
        AdminQueries.instant("to", to));
  }

  private static Map<String, Object> entry(AuditEntry entry) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", entry.id());
    answer.put("at", entry.at().toString());
    answer.put("action", entry.action().wireName());
    Map<String, Object> actor = new LinkedHashMap<>();
    actor.put("kind", entry.actor().kind().name().toLowerCase(Locale.ROOT));
    actor.put("user_id", entry.actor().userId());
    actor.put("application", entry.actor().application());
    actor.put("ip", entry.actor().ip());
    answer.put("actor", actor);
    answer.put("bot_id", entry.botId());
    answer.put("application", entry.application());
    answer.put("subject", entry.subject());
    answer.put("details", entry.details());
    return answer;
  }
}
