package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.ApplicationKey;

/**
 * Use case (the delivery worker): the install gate. No event of an application is delivered before
 * its {@code ONAPPINSTALL} has been delivered once; an uninstalled application's row goes once its
 * {@code ONAPPUNINSTALL} is delivered or dead.
 */
public interface ApplicationInstallUseCase {

  /**
   * Whether an event named {@code event} may be delivered to {@code application} now: {@code
   * ONAPPUNINSTALL} always; {@code ONAPPINSTALL} unless the application is being uninstalled (it
   * waits, and goes with the application's other pending deliveries); any other only once the
   * application is installed (webhook-keyed applications, unknown ones and those without a handler
   * URL are) or while it is being uninstalled (its bots' {@code ONIMBOTDELETE} go before its {@code
   * ONAPPUNINSTALL}).
   */
  boolean mayDeliver(ApplicationKey application, String event);

  /** Whether the application was removed and its last events are still being delivered. */
  boolean uninstalling(ApplicationKey application);

  /** The application's {@code ONAPPINSTALL} was delivered: its waiting events may go. */
  void installDelivered(ApplicationKey application);

  /**
   * The application's {@code ONAPPUNINSTALL} (or, when it has none, its last {@code ONIMBOTDELETE})
   * was delivered or is dead: its row goes.
   */
  void uninstallFinished(ApplicationKey application);
}
