package dev.imbot.application.service.bot;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;

/**
 * Re-binds the handlers a request gave over the application's stored ones (last write wins), with a
 * webhook-keyed application's {@code CLIENT_ID} appended as Bitrix24 binds them. When that changes
 * nothing, as for a client registering its bots with the same handler URLs, nothing is written.
 */
final class HandlerRebinding {
  private HandlerRebinding() {}

  static void rebind(
      ApplicationHandlers handlers, ApplicationKey application, HandlerBindings given) {
    if (given.isEmpty()) {
      return;
    }
    HandlerBindings stored = handlers.bindingsOf(application);
    HandlerBindings rebound = stored.rebind(given.boundFor(application));
    if (!rebound.equals(stored)) {
      handlers.replace(application, rebound);
    }
  }
}
