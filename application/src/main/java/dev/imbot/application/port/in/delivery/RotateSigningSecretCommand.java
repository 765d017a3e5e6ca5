package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.portal.ApplicationKey;
import java.util.Objects;

/** Command: give this application a new signing secret. */
public record RotateSigningSecretCommand(ApplicationKey application) {
  public RotateSigningSecretCommand {
    Objects.requireNonNull(application, "application");
  }
}
