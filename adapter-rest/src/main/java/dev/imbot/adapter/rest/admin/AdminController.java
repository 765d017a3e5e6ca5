package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.IssuedApplication;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RemovedApplication;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase.IssuedWebhook;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Operator API under {@code /admin/v1/} (not part of Bitrix24): applications with their access
 * tokens, inbound webhooks and portal users. Secrets appear once, in the creating response.
 */
@Controller("/admin/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminController {
  private final AdministerApplicationsUseCase applications;
  private final AdministerWebhooksUseCase webhooks;
  private final AdministerPeopleUseCase people;
  private final ActingAs actingAs;
  private final HttpClientAddressResolver addresses;

  public AdminController(
      AdministerApplicationsUseCase applications,
      AdministerWebhooksUseCase webhooks,
      AdministerPeopleUseCase people,
      ActingAs actingAs,
      HttpClientAddressResolver addresses) {
    this.applications = applications;
    this.webhooks = webhooks;
    this.people = people;
    this.actingAs = actingAs;
    this.addresses = addresses;
  }

  /** Runs {@code work} as the operator, from the request's address, for the audit trail. */
  private <T> T asOperator(HttpRequest<?> request, Supplier<T> work) {
    return actingAs.run(Actor.operator(addresses.resolve(request)), work);
  }

  @Get("/applications")
  public List<Map<String, Object>> listApplications() {
    return applications.list().stream().map(AdminController::application).toList();
  }

  /**
   * Body (all optional): {@code client_id} (else {@code local.…} is generated), {@code
   * access_token} (the static token of portal user 1) and {@code expires_at} (ISO-8601), {@code
   * handler_url} (installs the application), {@code scope}, {@code title}, {@code user_id} (the
   * installer, portal user 1 by default). The answer holds {@code client_secret} and {@code
   * access_token}, shown this once.
   */
  @Post("/applications")
  public HttpResponse<Map<String, Object>> registerApplication(
      HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
    RegisterApplicationCommand command =
        new RegisterApplicationCommand(
            AdminRequests.text(body, "client_id"),
            AdminRequests.text(body, "access_token"),
            AdminRequests.instant(body, "expires_at"),
            AdminRequests.text(body, "handler_url"),
            AdminRequests.text(body, "scope"),
            AdminRequests.text(body, "title"),
            body != null && body.get("user_id") != null
                ? AdminRequests.number(body, "user_id")
                : null);
    IssuedApplication issued = asOperator(request, () -> applications.register(command));
    Map<String, Object> answer = application(issued.application());
    answer.put("application_token", issued.application().applicationToken());
    answer.put("client_secret", issued.clientSecret());
    answer.put("access_token", issued.accessToken());
    return HttpResponse.created(answer);
  }

  /** Sends the application's {@code ONAPPINSTALL} again; its bots and tokens stay. */
  @Post("/applications/{clientId}/install")
  public HttpResponse<Map<String, Object>> installApplication(
      HttpRequest<?> request, @PathVariable String clientId) {
    ApplicationKey key = ApplicationKey.of(clientId);
    return HttpResponse.accepted()
        .body(application(asOperator(request, () -> applications.install(key))));
  }

  @Delete("/applications/{clientId}")
  public Map<String, Object> removeApplication(
      HttpRequest<?> request, @PathVariable String clientId) {
    ApplicationKey key = ApplicationKey.of(clientId);
    RemovedApplication removed = asOperator(request, () -> applications.remove(key));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", removed.key().value());
    answer.put("bots_removed", removed.botsRemoved());
    return answer;
  }

  @Get("/webhooks")
  public List<Map<String, Object>> listWebhooks() {
    return webhooks.list().stream().map(AdminController::webhook).toList();
  }

  /** Body: {@code user_id}. The answer holds the secret and the URL path, shown this once. */
  @Post("/webhooks")
  public HttpResponse<Map<String, Object>> createWebhook(
      HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
    long userId = AdminRequests.number(body, "user_id");
    IssuedWebhook issued = asOperator(request, () -> webhooks.create(userId));
    Map<String, Object> answer = webhook(issued.webhook());
    answer.put("secret", issued.secret());
    answer.put("path", issued.restPath());
    return HttpResponse.created(answer);
  }

  @Delete("/webhooks/{id}")
  public HttpResponse<Void> deleteWebhook(HttpRequest<?> request, @PathVariable long id) {
    asOperator(
        request,
        () -> {
          webhooks.delete(id);
          return id;
        });
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }

  @Get("/users")
  public List<Map<String, Object>> listUsers() {
    return people.list().stream().map(AdminController::person).toList();
  }

  /**
   * Body: {@code name}, optional {@code email}, {@code last_name}, {@code work_position} and {@code
   * gender} ({@code M} or {@code F}).
   */
  @Post("/users")
  public HttpResponse<Map<String, Object>> addUser(
      HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
    AddPersonCommand command =
        new AddPersonCommand(
            AdminRequests.text(body, "name"),
            AdminRequests.text(body, "email"),
            AdminRequests.text(body, "last_name"),
            AdminRequests.text(body, "work_position"),
            AdminRequests.text(body, "gender"));
    Person person = asOperator(request, () -> people.add(command));
    return HttpResponse.created(person(person));
  }

  @Delete("/users/{id}")
  public HttpResponse<Void> removeUser(HttpRequest<?> request, @PathVariable long id) {
    asOperator(
        request,
        () -> {
          people.remove(id);
          return id;
        });
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> application(ClientApplication application) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", application.key().value());
    answer.put("handler_url", application.handlerUrl());
    answer.put("scope", application.scope());
    answer.put("title", application.title());
    answer.put("installed", application.state() == InstallState.INSTALLED);
    answer.put("install_state", application.state().name());
    answer.put("installer_user_id", application.installer().value());
    answer.put(
        "expires_at",
        application.accessTokenExpiresAt() == null
            ? null
            : application.accessTokenExpiresAt().toString());
    return answer;
  }

  private static Map<String, Object> webhook(InboundWebhook webhook) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", webhook.id());
    answer.put("user_id", webhook.userId());
    answer.put("created_at", webhook.createdAt().toString());
    return answer;
  }

  private static Map<String, Object> person(Person person) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", person.id().value());
    answer.put("name", person.name());
    answer.put("email", person.email() == null ? null : person.email().value());
    answer.put("last_name", person.lastName());
    answer.put("work_position", person.workPosition());
    answer.put("gender", person.gender() == null ? null : person.gender().letter());
    return answer;
  }
}
