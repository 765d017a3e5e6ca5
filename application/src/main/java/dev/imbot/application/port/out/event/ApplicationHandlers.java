package dev.imbot.application.port.out.event;

import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;

/** Outgoing port: each application's handler bindings (one URL per bot event). */
public interface ApplicationHandlers {

  /** The application's bindings; {@link HandlerBindings#none()} when it has none. */
  HandlerBindings bindingsOf(ApplicationKey application);

  /** Stores {@code bindings} as the application's whole set, replacing what was stored. */
  void replace(ApplicationKey application, HandlerBindings bindings);

  /** Removes every binding of the application. */
  void removeAll(ApplicationKey application);
}
