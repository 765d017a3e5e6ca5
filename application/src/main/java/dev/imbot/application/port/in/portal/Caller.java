package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/** Who is calling, once authenticated: a webhook acting as a user, or an application's token. */
public sealed interface Caller {

  /** The user the call acts as ({@code im.*}, {@code profile}, {@code user.current}). */
  UserId actingUser();

  /** A call through an inbound webhook; the application comes from {@code CLIENT_ID}. */
  record Webhook(long userId) implements Caller {
    @Override
    public UserId actingUser() {
      return UserId.of(userId);
    }
  }

  /**
   * A call with an application's access token: the token's user acts, for the token's application.
   *
   * @param application the token's application, owner of {@code imbot.*} calls
   * @param user the token's user, a person or a bot
   */
  record Application(ApplicationKey application, UserId user) implements Caller {
    public Application {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(user, "user");
    }

    /** A call with the application's static token, which acts as portal user 1. */
    public Application(ApplicationKey application) {
      this(application, ClientApplication.ADMINISTRATOR);
    }

    @Override
    public UserId actingUser() {
      return user;
    }
  }
}
