package dev.imbot.adapter.rest.limit;

import dev.imbot.application.port.in.portal.Caller;

/** The name limits count a caller under: {@code webhook:<user id>} or {@code application:<key>}. */
public final class CallerKey {
  private CallerKey() {}

  public static String of(Caller caller) {
    if (caller instanceof Caller.Application application) {
      return "application:" + application.application().value();
    }
    return "webhook:" + ((Caller.Webhook) caller).userId();
  }
}
