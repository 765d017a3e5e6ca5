package dev.imbot.domain.portal;

/**
 * Where a local application's install stands. Events to an application wait while it is {@link
 * #WAITING_FOR_INSTALL}: none is delivered before its {@code ONAPPINSTALL} has been delivered once.
 */
public enum InstallState {
  /** Its {@code ONAPPINSTALL} is recorded and not yet delivered; its other events wait. */
  WAITING_FOR_INSTALL,
  /** Installed (or nothing to install): its events go out. */
  INSTALLED,
  /**
   * Deleted by the operator: bots, bindings and tokens are gone, only its {@code ONAPPUNINSTALL} is
   * still to be delivered; the row goes once it is delivered or dead.
   */
  UNINSTALLING
}
