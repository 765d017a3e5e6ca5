package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.RotateSigningSecretCommand;
import dev.imbot.application.port.in.delivery.RotateSigningSecretUseCase;
import dev.imbot.application.port.in.delivery.ShowSigningSecretUseCase;
import dev.imbot.application.port.in.delivery.SigningSecretQuery;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.util.Objects;

/**
 * Service: an application's signing secrets for the operator, and their rotation. Only for an
 * application the registry knows (registered, with a handler bound, or with deliveries), so a typo
 * never leaves a secret behind.
 */
public final class SigningSecretService
    implements ShowSigningSecretUseCase, RotateSigningSecretUseCase {
  private final SigningSecrets secrets;
  private final ClientApplications applications;
  private final ApplicationHandlers handlers;
  private final DeliveryLog log;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AuditRecorder audit;

  public SigningSecretService(
      SigningSecrets secrets,
      ClientApplications applications,
      ApplicationHandlers handlers,
      DeliveryLog log,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.applications = Objects.requireNonNull(applications, "applications");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.log = Objects.requireNonNull(log, "log");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public SigningKeys show(SigningSecretQuery query) {
    requireKnown(query.application());
    return secrets.keysOf(query.application().value());
  }

  @Override
  public SigningKeys rotate(RotateSigningSecretCommand command) {
    ApplicationKey application = command.application();
    return unitOfWork.run(
        () -> {
          requireKnown(application);
          SigningKeys rotated = secrets.rotate(application.value(), clock.instant());
          audit.record(
              AuditAction.APPLICATION_SIGNING_SECRET_ROTATED,
              null,
              application,
              "signing secret",
              "new secret issued; the previous one signs beside it until "
                  + rotated.previousUntil());
          return rotated;
        });
  }

  private void requireKnown(ApplicationKey application) {
    boolean known =
        applications.find(application).isPresent()
            || !handlers.bindingsOf(application).asMap().isEmpty()
            || log.find(
                        new DeliveryFilter(application.value(), null, null, null, null, null, null),
                        0,
                        1)
                    .total()
                > 0;
    if (!known) {
      throw new AdministrationException(Kind.NOT_FOUND, "no application " + application.value());
    }
  }
}
