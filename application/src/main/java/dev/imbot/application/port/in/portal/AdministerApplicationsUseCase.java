package dev.imbot.application.port.in.portal;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Use case (operator): the applications that call with access tokens. */
public interface AdministerApplicationsUseCase {

  /**
   * Registers an application, or gives an existing one a new access token.
   *
   * @throws AdministrationException {@code INVALID} for a bad client id
   */
  IssuedApplication register(RegisterApplicationCommand command);

  List<ClientApplication> list();

  /**
   * Removes the application with its bots (each gets {@code ONIMBOTDELETE}) and bindings.
   *
   * @throws AdministrationException {@code NOT_FOUND}
   */
  RemovedApplication remove(ApplicationKey key);

  /**
   * Command: register an application.
   *
   * @param clientId its client id (the application key)
   * @param accessToken the token to accept; null to have one generated
   * @param accessTokenExpiresAt when the token expires; null for never
   */
  record RegisterApplicationCommand(
      @NotBlank @Size(max = ApplicationKey.MAX_LENGTH) String clientId,
      @Size(min = 16, max = 512) String accessToken,
      Instant accessTokenExpiresAt) {

    public RegisterApplicationCommand {
      Commands.requireValid(
          RegisterApplicationCommand.class, clientId, accessToken, accessTokenExpiresAt);
    }

    @Override
    public String toString() {
      return "RegisterApplicationCommand[clientId=" + clientId + ", accessToken=…]";
    }
  }

  /** Result: the application and its access token in clear, shown this once. */
  record IssuedApplication(ClientApplication application, String accessToken) {
    @Override
    public String toString() {
      return "IssuedApplication[" + application.key() + ", accessToken=…]";
    }
  }

  /** Result: the removed application and how many of its bots went with it. */
  record RemovedApplication(ApplicationKey key, int botsRemoved) {}
}
