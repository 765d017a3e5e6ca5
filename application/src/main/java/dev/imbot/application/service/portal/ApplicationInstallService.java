package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.ApplicationInstallUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.InstallState;

/** Service: the install gate the delivery worker checks, over the application's stored state. */
public final class ApplicationInstallService implements ApplicationInstallUseCase {
  private final ClientApplications applications;
  private final UnitOfWork unitOfWork;

  public ApplicationInstallService(ClientApplications applications, UnitOfWork unitOfWork) {
    this.applications = applications;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public boolean mayDeliver(ApplicationKey application, String event) {
    if (ApplicationEvent.ONAPPUNINSTALL.name().equals(event)) {
      return true;
    }
    if (ApplicationEvent.ONAPPINSTALL.name().equals(event)) {
      // An install not delivered before the application was removed never goes.
      return !uninstalling(application);
    }
    // An uninstalling application's last events (its bots' ONIMBOTDELETE) still go out.
    return applications
        .find(application)
        .map(found -> found.state() != InstallState.WAITING_FOR_INSTALL)
        .orElse(true);
  }

  @Override
  public boolean uninstalling(ApplicationKey application) {
    return applications
        .find(application)
        .filter(found -> found.state() == InstallState.UNINSTALLING)
        .isPresent();
  }

  @Override
  public void installDelivered(ApplicationKey application) {
    unitOfWork.run(
        () -> {
          applications
              .find(application)
              .filter(found -> found.state() == InstallState.WAITING_FOR_INSTALL)
              .ifPresent(found -> applications.save(found.withState(InstallState.INSTALLED)));
          return null;
        });
  }

  @Override
  public void uninstallFinished(ApplicationKey application) {
    unitOfWork.run(
        () -> {
          applications
              .find(application)
              .filter(found -> found.state() == InstallState.UNINSTALLING)
              .ifPresent(found -> applications.delete(application));
          return null;
        });
  }
}
