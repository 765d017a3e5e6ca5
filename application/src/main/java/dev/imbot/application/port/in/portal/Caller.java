package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.ApplicationKey;
import java.util.Objects;

/** Who is calling, once authenticated: a webhook acting as a user, or an application's token. */
public sealed interface Caller {

  /** A call through an inbound webhook; the application comes from {@code CLIENT_ID}. */
  record Webhook(long userId) implements Caller {}

  /** A call with an application's access token. */
  record Application(ApplicationKey application) implements Caller {
    public Application {
      Objects.requireNonNull(application, "application");
    }
  }
}
