package dev.imbot.application.service;

import dev.imbot.application.port.out.ApplicationHandlers;
import dev.imbot.domain.ApplicationKey;
import dev.imbot.domain.HandlerBindings;

/** Re-binds the handlers a request gave over the application's stored ones (last write wins). */
final class HandlerRebinding {
  private HandlerRebinding() {}

  static void rebind(
      ApplicationHandlers handlers, ApplicationKey application, HandlerBindings given) {
    if (given.isEmpty()) {
      return;
    }
    handlers.replace(application, handlers.bindingsOf(application).rebind(given));
  }
}
