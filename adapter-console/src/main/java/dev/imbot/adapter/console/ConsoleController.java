package dev.imbot.adapter.console;

import static dev.imbot.adapter.console.ConsoleSteps.blankToNull;
import static dev.imbot.adapter.console.ConsoleSteps.number;

import dev.imbot.adapter.console.view.ApplicationsPage;
import dev.imbot.adapter.console.view.BotCard;
import dev.imbot.adapter.console.view.BotPage;
import dev.imbot.adapter.console.view.BotSearch;
import dev.imbot.adapter.console.view.BotsPage;
import dev.imbot.adapter.console.view.DeleteApplicationPage;
import dev.imbot.adapter.console.view.Flash;
import dev.imbot.adapter.console.view.Flash.Secret;
import dev.imbot.adapter.console.view.Layout;
import dev.imbot.adapter.console.view.MessagePage;
import dev.imbot.adapter.console.view.Paged;
import dev.imbot.adapter.console.view.Section;
import dev.imbot.adapter.console.view.SignInPage;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.bot.ShowBotQuery;
import dev.imbot.application.port.in.bot.ShowBotUseCase;
import dev.imbot.application.port.in.bot.ShowBotUseCase.BotDetails;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.IssuedApplication;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RemovedApplication;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase.IssuedWebhook;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Person;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Console adapter: the pages under {@code /console/}, each a template over its own view model, fed
 * by the use cases. A change is a form POST carrying the session's form token; it answers with a
 * redirect to the page it changed, which then shows the outcome once (post/redirect/get).
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsoleController {
  private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

  private final ConsoleAccess access;
  private final Pages pages;
  private final ListBotsUseCase listBots;
  private final ShowBotUseCase showBot;
  private final AdministerApplicationsUseCase applications;
  private final String publicUrl;
  private final AdministerWebhooksUseCase webhooks;
  private final AdministerPeopleUseCase people;

  ConsoleController(
      ConsoleAccess access,
      Pages pages,
      ListBotsUseCase listBots,
      ShowBotUseCase showBot,
      AdministerApplicationsUseCase applications,
      AdministerWebhooksUseCase webhooks,
      AdministerPeopleUseCase people,
      @Value("${imbot.portal.public-url:}") String publicUrl) {
    this.publicUrl = publicUrl;
    this.access = access;
    this.pages = pages;
    this.listBots = listBots;
    this.showBot = showBot;
    this.applications = applications;
    this.webhooks = webhooks;
    this.people = people;
  }

  // Sign-in and sign-out

  @Get(uris = {"", "/"})
  HttpResponse<?> home(HttpRequest<?> request, @Nullable @QueryValue String token) {
    if (token != null) {
      return access.accepts(token)
          ? signedIn(request)
          : pages.status(
              HttpStatus.UNAUTHORIZED,
              "signin",
              new SignInPage(
                  "That sign-in link is not valid. The service prints a new one at every start.",
                  null));
    }
    return session(request).isPresent() ? seeOther("/console/bots") : seeOther("/console/sign-in");
  }

  @Get("/sign-in")
  HttpResponse<?> signInPage(
      HttpRequest<?> request, @Nullable @QueryValue("signed-out") String out) {
    if (session(request).isPresent()) {
      return seeOther("/console/bots");
    }
    return pages.ok("signin", new SignInPage(null, out == null ? null : "You are signed out."));
  }

  @Post(uri = "/sign-in", consumes = FORM)
  HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token) {
    if (!access.accepts(token)) {
      return pages.status(
          HttpStatus.UNAUTHORIZED,
          "signin",
          new SignInPage(
              "That token is not valid: use the link the service printed at its last start, or"
                  + " the admin token.",
              null));
    }
    return signedIn(request);
  }

  @Post(uri = "/sign-out", consumes = FORM)
  HttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
    return change(
        request,
        csrf,
        session -> {
          access.close(session.id());
          return seeOther("/console/sign-in?signed-out=1")
              .cookie(sessionCookie(request, "").maxAge(0));
        });
  }

  private MutableHttpResponse<?> signedIn(HttpRequest<?> request) {
    ConsoleSession session = access.open();
    return seeOther("/console/bots").cookie(sessionCookie(request, session.id()));
  }

  private static Cookie sessionCookie(HttpRequest<?> request, String value) {
    return Cookie.of(ConsoleAccess.COOKIE, value)
        .path("/console")
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .secure(request.isSecure());
  }

  // Bots

  @Get("/bots")
  HttpResponse<?> bots(
      HttpRequest<?> request,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String application,
      @Nullable @QueryValue String type,
      @Nullable @QueryValue String page) {
    ConsoleSession session = required(request);
    BotSearch search = BotSearch.of(q, application, type, page);
    List<BotSummary> all = listBots.listBots(new ListBotsQuery());
    Paged<BotSummary> shown = search.apply(all);
    List<BotCard> cards =
        shown.items().stream()
            .map(bot -> showBot.show(new ShowBotQuery(bot.id())))
            .flatMap(Optional::stream)
            .map(details -> BotCard.of(details.bot()))
            .toList();
    List<String> keys = all.stream().map(b -> b.application().value()).distinct().sorted().toList();
    return pages.ok(
        "bots", BotsPage.of(layout("Bots", Section.BOTS, session), search, keys, cards, shown));
  }

  @Get("/bots/{id}")
  HttpResponse<?> bot(HttpRequest<?> request, @PathVariable String id) {
    ConsoleSession session = required(request);
    Optional<BotDetails> details = findBot(id);
    if (details.isEmpty()) {
      return notFound(session, "No bot has the id " + id + ".");
    }
    BotCard card = BotCard.of(details.get().bot());
    return pages.ok(
        "bot", BotPage.of(layout(card.fullName(), Section.BOTS, session), details.get()));
  }

  @Get("/bots/{id}/avatar")
  HttpResponse<?> avatar(@PathVariable String id) {
    return findBot(id)
        .map(details -> details.bot().profile().avatar())
        .filter(java.util.Objects::nonNull)
        .<HttpResponse<?>>map(
            avatar ->
                HttpResponse.ok(avatar.bytes())
                    .contentType(avatar.format().mimeType())
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=60"))
        .orElseGet(HttpResponse::notFound);
  }

  private Optional<BotDetails> findBot(String id) {
    try {
      return showBot.show(new ShowBotQuery(BotId.of(Long.parseLong(id))));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  // Applications, webhooks, people

  @Get("/applications")
  HttpResponse<?> applications(HttpRequest<?> request) {
    ConsoleSession session = required(request);
    return pages.ok(
        "applications",
        ApplicationsPage.of(
            layout("Applications", Section.APPLICATIONS, session),
            applications.list(),
            listBots.listBots(new ListBotsQuery()),
            webhooks.list(),
            people.list()));
  }

  @Post(uri = "/applications", consumes = FORM)
  HttpResponse<?> createApplication(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String clientId,
      @Nullable String handlerUrl,
      @Nullable String title) {
    return changeThenShow(
        request,
        csrf,
        "/console/applications",
        () -> {
          IssuedApplication issued =
              applications.register(
                  new RegisterApplicationCommand(
                      blankToNull(clientId),
                      null,
                      null,
                      blankToNull(handlerUrl),
                      null,
                      blankToNull(title),
                      null));
          return ApplicationsPage.created(
              issued.application(), issued.clientSecret(), issued.accessToken());
        });
  }

  @Get("/applications/delete")
  HttpResponse<?> confirmDelete(HttpRequest<?> request, @Nullable @QueryValue String key) {
    ConsoleSession session = required(request);
    if (key == null || key.isBlank()) {
      return seeOther("/console/applications");
    }
    return pages.ok(
        "delete-application",
        DeleteApplicationPage.of(
            layout("Delete " + key, Section.APPLICATIONS, session),
            key,
            listBots.listBots(new ListBotsQuery())));
  }

  @Post(uri = "/applications/delete", consumes = FORM)
  HttpResponse<?> deleteApplication(
      HttpRequest<?> request, @Nullable String csrf, @Nullable String key) {
    return changeThenShow(
        request,
        csrf,
        "/console/applications",
        () -> {
          RemovedApplication removed = applications.remove(ApplicationKey.of(key));
          return Flash.done(
              "Deleted "
                  + removed.key().value()
                  + (removed.botsRemoved() == 1
                      ? " and its 1 bot."
                      : " and its " + removed.botsRemoved() + " bots."));
        });
  }

  @Post(uri = "/webhooks", consumes = FORM)
  HttpResponse<?> createWebhook(
      HttpRequest<?> request, @Nullable String csrf, @Nullable String userId) {
    return changeThenShow(
        request,
        csrf,
        "/console/applications#webhooks",
        () -> {
          IssuedWebhook issued = webhooks.create(number(userId, "Person"));
          return Flash.withSecrets(
              "Webhook "
                  + issued.webhook().id()
                  + " acts as user "
                  + issued.webhook().userId()
                  + ". Copy its URL now: it is not shown again.",
              List.of(new Secret("Webhook URL", baseUrl(request) + issued.restPath())));
        });
  }

  @Post(uri = "/webhooks/delete", consumes = FORM)
  HttpResponse<?> deleteWebhook(
      HttpRequest<?> request, @Nullable String csrf, @Nullable String id) {
    return changeThenShow(
        request,
        csrf,
        "/console/applications#webhooks",
        () -> {
          long webhookId = number(id, "Webhook");
          webhooks.delete(webhookId);
          return Flash.done("Deleted webhook " + webhookId + ".");
        });
  }

  @Post(uri = "/people", consumes = FORM)
  HttpResponse<?> addPerson(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String name,
      @Nullable String email,
      @Nullable String lastName,
      @Nullable String workPosition,
      @Nullable String gender) {
    return changeThenShow(
        request,
        csrf,
        "/console/applications#people",
        () -> {
          Person added =
              people.add(
                  new AddPersonCommand(
                      blankToNull(name),
                      blankToNull(email),
                      blankToNull(lastName),
                      blankToNull(workPosition),
                      blankToNull(gender)));
          return Flash.done("Added " + added.name() + " as user " + added.id().value() + ".");
        });
  }

  // Shared steps

  /** Runs a change once the form token matches the session's; refuses it otherwise. */
  private HttpResponse<?> change(
      HttpRequest<?> request,
      @Nullable String csrf,
      java.util.function.Function<ConsoleSession, HttpResponse<?>> action) {
    return ConsoleSteps.change(pages, request, csrf, action);
  }

  /** A guarded change that runs a use case; its outcome is shown once on {@code next}. */
  private HttpResponse<?> changeThenShow(
      HttpRequest<?> request, @Nullable String csrf, String next, Supplier<Flash> action) {
    return ConsoleSteps.changeThenShow(pages, request, csrf, next, action);
  }

  private HttpResponse<?> notFound(ConsoleSession session, String text) {
    return pages.status(
        HttpStatus.NOT_FOUND,
        "message",
        new MessagePage("Not found", text, "/console/bots", "Back to the bots"));
  }

  private Layout layout(String title, Section section, ConsoleSession session) {
    return ConsoleSteps.layout(title, section, session);
  }

  private static Optional<ConsoleSession> session(HttpRequest<?> request) {
    return ConsoleSteps.session(request);
  }

  private static ConsoleSession required(HttpRequest<?> request) {
    return ConsoleSteps.required(request);
  }

  private String baseUrl(HttpRequest<?> request) {
    return ConsoleSteps.baseUrl(
        publicUrl, request.isSecure(), request.getHeaders().get(HttpHeaders.HOST));
  }

  private static MutableHttpResponse<?> seeOther(String location) {
    return ConsoleSteps.seeOther(location);
  }
}
