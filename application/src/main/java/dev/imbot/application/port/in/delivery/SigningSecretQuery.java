package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.portal.ApplicationKey;
import java.util.Objects;

/** Query: the signing secret of this application. */
public record SigningSecretQuery(ApplicationKey application) {
  public SigningSecretQuery {
    Objects.requireNonNull(application, "application");
  }
}
