package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.bot.BotRemoval;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service: the operator's local applications. Creating one with a handler URL records its {@code
 * ONAPPINSTALL} (its other events wait for that one's delivery); removing one records {@code
 * ONAPPUNINSTALL} and removes its bots like unregister does, its bindings and its tokens.
 */
public final class AdministerApplicationsService implements AdministerApplicationsUseCase {
  /** The portal's language, sent as {@code data[LANGUAGE_ID]}. */
  static final String LANGUAGE_ID = "en";

  private final ClientApplications applications;
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final ApplicationEventBindings eventBindings;
  private final OAuthTokens tokens;
  private final EventOutbox outbox;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AuditRecorder audit;

  public AdministerApplicationsService(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      ApplicationEventBindings eventBindings,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    this(
        applications,
        bots,
        handlers,
        eventBindings,
        tokens,
        outbox,
        unitOfWork,
        clock,
        AuditRecorder.none());
  }

  public AdministerApplicationsService(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      ApplicationEventBindings eventBindings,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    this.audit = audit;
    this.applications = applications;
    this.bots = bots;
    this.handlers = handlers;
    this.eventBindings = eventBindings;
    this.tokens = tokens;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public IssuedApplication register(RegisterApplicationCommand command) {
    ApplicationKey key;
    try {
      key =
          ApplicationKey.of(
              command.clientId() == null
                  ? ClientApplication.newClientId()
                  : command.clientId().strip());
    } catch (IllegalArgumentException e) {
      throw new AdministrationException(Kind.INVALID, "client_id: " + e.getMessage());
    }
    if (key.webhookClientId().isPresent()) {
      throw new AdministrationException(
          Kind.INVALID, "client_id: custom… names webhook-keyed applications");
    }
    HandlerUrl handler = handlerUrl(command.handlerUrl());
    String token = command.accessToken() == null ? SecretHash.newSecret() : command.accessToken();
    String clientSecret = SecretHash.newSecret();
    return unitOfWork.run(
        () -> {
          Optional<ClientApplication> existing = applications.find(key);
          if (existing.filter(a -> a.state() == InstallState.UNINSTALLING).isPresent()) {
            throw new AdministrationException(
                Kind.CONFLICT, "application " + key + " is being uninstalled");
          }
          String applicationToken =
              existing
                  .map(ClientApplication::applicationToken)
                  .orElseGet(ClientApplication::newApplicationToken);
          boolean installNow = existing.isEmpty() && handler != null;
          ClientApplication application =
              new ClientApplication(
                  key,
                  SecretHash.of(token),
                  command.accessTokenExpiresAt(),
                  applicationToken,
                  SecretHash.of(clientSecret),
                  handler != null
                      ? handler.value()
                      : existing.map(ClientApplication::handlerUrl).orElse(null),
                  command.scope() != null
                      ? command.scope().strip()
                      : existing.map(ClientApplication::scope).orElse(null),
                  command.title() != null
                      ? command.title()
                      : existing.map(ClientApplication::title).orElse(null),
                  installNow
                      ? InstallState.WAITING_FOR_INSTALL
                      : existing.map(ClientApplication::state).orElse(InstallState.INSTALLED),
                  command.installerUserId() != null
                      ? UserId.of(command.installerUserId())
                      : existing.map(ClientApplication::installer).orElse(null));
          applications.save(application);
          audit.record(
              existing.isPresent()
                  ? AuditAction.APPLICATION_TOKEN_REPLACED
                  : AuditAction.APPLICATION_CREATED,
              null,
              key,
              null,
              existing.isPresent() ? "access token replaced" : null);
          if (installNow) {
            recordInstall(application);
          }
          return new IssuedApplication(application, token, clientSecret);
        });
  }

  @Override
  public List<ClientApplication> list() {
    return applications.listAll().stream()
        .filter(a -> a.state() != InstallState.UNINSTALLING)
        .toList();
  }

  @Override
  public Optional<ClientApplication> find(ApplicationKey key) {
    return applications.find(key).filter(a -> a.state() != InstallState.UNINSTALLING);
  }

  @Override
  public ClientApplication install(ApplicationKey key) {
    return unitOfWork.run(
        () -> {
          ClientApplication application =
              find(key)
                  .orElseThrow(
                      () -> new AdministrationException(Kind.NOT_FOUND, "no application " + key));
          if (application.handlerUrl() == null) {
            throw new AdministrationException(
                Kind.INVALID, "application " + key + " has no handler_url to install");
          }
          recordInstall(application);
          audit.record(AuditAction.APPLICATION_REINSTALLED, null, key, null, null);
          return application;
        });
  }

  @Override
  public RemovedApplication remove(ApplicationKey key) {
    return unitOfWork.run(
        () -> {
          ClientApplication application =
              find(key)
                  .orElseThrow(
                      () -> new AdministrationException(Kind.NOT_FOUND, "no application " + key));
          List<BotSummary> applicationBots = bots.lockApplication(key);
          Instant now = clock.instant();
          boolean botDeletesRecorded = false;
          for (BotSummary bot : applicationBots) {
            botDeletesRecorded |= BotRemoval.remove(bot, bots, handlers, tokens, outbox, now);
            audit.record(
                AuditAction.BOT_UNREGISTERED,
                bot.id(),
                key,
                null,
                "code " + bot.code().value() + ", with its application");
          }
          List<ApplicationEventBinding> uninstallHandlers =
              eventBindings.of(key).stream()
                  .filter(b -> b.event() == ApplicationEvent.ONAPPUNINSTALL)
                  .toList();
          EventData data = EventData.builder().put("CLEAN", "1").build();
          boolean uninstallRecorded = false;
          for (ApplicationEventBinding binding : uninstallHandlers) {
            Optional<HandlerUrl> url = validUrl(binding.handler());
            if (url.isPresent()) {
              outbox.enqueue(
                  new PendingEvent(
                      key,
                      ApplicationEvent.ONAPPUNINSTALL.name(),
                      binding.id(),
                      url.get(),
                      data,
                      AuthSubjects.none(),
                      now));
              uninstallRecorded = true;
            }
          }
          if (uninstallHandlers.isEmpty() && application.handlerUrl() != null) {
            // Nobody bound ONAPPUNINSTALL: it goes to the application's own handler URL.
            outbox.enqueue(
                new PendingEvent(
                    key,
                    ApplicationEvent.ONAPPUNINSTALL.name(),
                    0,
                    HandlerUrl.of(application.handlerUrl()),
                    data,
                    AuthSubjects.none(),
                    now));
            uninstallRecorded = true;
          }
          handlers.removeAll(key);
          eventBindings.removeAll(key);
          tokens.deleteAll(key);
          if (uninstallRecorded || botDeletesRecorded) {
            // The row stays, without credentials, until ONAPPUNINSTALL (or, with none, the last
            // ONIMBOTDELETE) is delivered or dead: their auth blocks need the application token.
            applications.save(
                application.withoutCredentials().withState(InstallState.UNINSTALLING));
          } else {
            applications.delete(key);
          }
          audit.record(
              AuditAction.APPLICATION_REMOVED,
              null,
              key,
              null,
              "bots removed: " + applicationBots.size());
          return new RemovedApplication(key, applicationBots.size());
        });
  }

  private void recordInstall(ClientApplication application) {
    ApplicationEventBinding binding =
        eventBindings.bind(
            application.key(), ApplicationEvent.ONAPPINSTALL, application.handlerUrl(), 0);
    EventData data =
        EventData.builder()
            .put("VERSION", "1")
            .put("ACTIVE", "Y")
            .put("INSTALLED", "Y")
            .put("LANGUAGE_ID", LANGUAGE_ID)
            .build();
    outbox.enqueue(
        new PendingEvent(
            application.key(),
            ApplicationEvent.ONAPPINSTALL.name(),
            binding.id(),
            HandlerUrl.of(application.handlerUrl()),
            data,
            new AuthSubjects(application.installer(), List.of()),
            clock.instant()));
  }

  private static HandlerUrl handlerUrl(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return validUrl(raw.strip())
        .orElseThrow(
            () ->
                new AdministrationException(
                    Kind.INVALID,
                    "handler_url: must be an absolute http(s) URL with a dotted host"));
  }

  private static Optional<HandlerUrl> validUrl(String raw) {
    try {
      return Optional.of(HandlerUrl.of(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
