package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.IssuedApplication;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RemovedApplication;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase.IssuedWebhook;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  public AdminController(
      AdministerApplicationsUseCase applications,
      AdministerWebhooksUseCase webhooks,
      AdministerPeopleUseCase people) {
    this.applications = applications;
    this.webhooks = webhooks;
    this.people = people;
  }

  @Get("/applications")
  public List<Map<String, Object>> listApplications() {
    return applications.list().stream().map(AdminController::application).toList();
  }

  /** Body: {@code client_id}, optional {@code access_token} and {@code expires_at} (ISO-8601). */
  @Post("/applications")
  public HttpResponse<Map<String, Object>> registerApplication(
      @Nullable @Body Map<String, Object> body) {
    IssuedApplication issued =
        applications.register(
            new RegisterApplicationCommand(
                AdminRequests.text(body, "client_id"),
                AdminRequests.text(body, "access_token"),
                AdminRequests.instant(body, "expires_at")));
    Map<String, Object> answer = application(issued.application());
    answer.put("access_token", issued.accessToken());
    answer.put("application_token", issued.application().applicationToken());
    return HttpResponse.created(answer);
  }

  @Delete("/applications/{clientId}")
  public Map<String, Object> removeApplication(@PathVariable String clientId) {
    RemovedApplication removed = applications.remove(ApplicationKey.of(clientId));
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
  public HttpResponse<Map<String, Object>> createWebhook(@Nullable @Body Map<String, Object> body) {
    IssuedWebhook issued = webhooks.create(AdminRequests.number(body, "user_id"));
    Map<String, Object> answer = webhook(issued.webhook());
    answer.put("secret", issued.secret());
    answer.put("path", issued.restPath());
    return HttpResponse.created(answer);
  }

  @Delete("/webhooks/{id}")
  public HttpResponse<Void> deleteWebhook(@PathVariable long id) {
    webhooks.delete(id);
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
  public HttpResponse<Map<String, Object>> addUser(@Nullable @Body Map<String, Object> body) {
    Person person =
        people.add(
            new AddPersonCommand(
                AdminRequests.text(body, "name"),
                AdminRequests.text(body, "email"),
                AdminRequests.text(body, "last_name"),
                AdminRequests.text(body, "work_position"),
                AdminRequests.text(body, "gender")));
    return HttpResponse.created(person(person));
  }

  @Delete("/users/{id}")
  public HttpResponse<Void> removeUser(@PathVariable long id) {
    people.remove(id);
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> application(ClientApplication application) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", application.key().value());
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
