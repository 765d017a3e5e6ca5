package dev.imbot.application.port.in.portal;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case (operator): local applications, their secrets, install and uninstall. */
public interface AdministerApplicationsUseCase {

  /**
   * Registers an application (installing it when it has a handler URL), or gives an existing one
   * new secrets and the fields given.
   *
   * @throws AdministrationException {@code INVALID} for a bad client id, handler URL or installer
   */
  IssuedApplication register(RegisterApplicationCommand command);

  List<ClientApplication> list();

  /** The application, unless it is unknown or being uninstalled. */
  Optional<ClientApplication> find(ApplicationKey key);

  /**
   * Sends {@code ONAPPINSTALL} again (its bots and tokens stay).
   *
   * @throws AdministrationException {@code NOT_FOUND}, {@code INVALID} when it has no handler URL
   */
  ClientApplication install(ApplicationKey key);

  /**
   * Uninstalls the application: records {@code ONAPPUNINSTALL} for its handlers, removes its bots
   * (each gets {@code ONIMBOTDELETE}), bindings and tokens.
   *
   * @throws AdministrationException {@code NOT_FOUND}
   */
  RemovedApplication remove(ApplicationKey key);

  /**
   * Command: register an application.
   *
   * @param clientId its client id (the application key); null to have {@code local.…} generated
   * @param accessToken the static token to accept; null to have one generated
   * @param accessTokenExpiresAt when the static token expires; null for never
   * @param handlerUrl its install and handler URL; null for none
   * @param scope its scopes; null for {@code imbot,im}
   * @param title its name; null for none
   * @param installerUserId whose {@code auth} its install event carries; null for portal user 1
   */
  record RegisterApplicationCommand(
      @Size(min = 1, max = ApplicationKey.MAX_LENGTH) String clientId,
      @Size(min = 16, max = 512) String accessToken,
      Instant accessTokenExpiresAt,
      @Size(max = 2048) String handlerUrl,
      @Size(max = 255) String scope,
      @Size(max = 255) String title,
      @Positive Long installerUserId) {

    public RegisterApplicationCommand {
      Commands.requireValid(
          RegisterApplicationCommand.class,
          clientId,
          accessToken,
          accessTokenExpiresAt,
          handlerUrl,
          scope,
          title,
          installerUserId);
    }

    /** An application with a static token only. */
    public RegisterApplicationCommand(
        String clientId, String accessToken, Instant accessTokenExpiresAt) {
      this(clientId, accessToken, accessTokenExpiresAt, null, null, null, null);
    }

    @Override
    public String toString() {
      return "RegisterApplicationCommand[clientId=" + clientId + ", accessToken=…]";
    }
  }

  /** Result: the application, its static access token and client secret in clear, shown once. */
  record IssuedApplication(ClientApplication application, String accessToken, String clientSecret) {
    @Override
    public String toString() {
      return "IssuedApplication[" + application.key() + ", accessToken=…, clientSecret=…]";
    }
  }

  /** Result: the removed application and how many of its bots went with it. */
  record RemovedApplication(ApplicationKey key, int botsRemoved) {}
}
