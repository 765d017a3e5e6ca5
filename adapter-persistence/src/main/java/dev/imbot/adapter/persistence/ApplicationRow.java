package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * An {@code application} row: one per application, local ({@code LOCAL}, its key is its client id)
 * or webhook-keyed ({@code WEBHOOK}, key {@code custom<CLIENT_ID>}), with its secrets. A local
 * application registered by the operator ({@code registered}) has a client secret, maybe a static
 * access token, a handler URL, scopes, a title and an install state.
 */
public record ApplicationRow(
    String applicationKey,
    String kind,
    String clientId,
    String applicationToken,
    String accessTokenHash,
    Instant accessTokenExpiresAt,
    String clientSecretHash,
    String handlerUrl,
    String scope,
    String title,
    String installState,
    long installerUserId,
    boolean registered) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<ApplicationRow> MAPPER =
      (rs, context) ->
          new ApplicationRow(
              rs.getString("application_key"),
              rs.getString("kind"),
              rs.getString("client_id"),
              rs.getString("application_token"),
              rs.getString("access_token_hash"),
              Columns.instant(rs, "access_token_expires_at"),
              rs.getString("client_secret_hash"),
              rs.getString("handler_url"),
              rs.getString("scope"),
              rs.getString("title"),
              rs.getString("install_state"),
              rs.getLong("installer_user_id"),
              rs.getBoolean("registered"));

  static final String COLUMNS =
      "application_key, kind, client_id, application_token, access_token_hash,"
          + " access_token_expires_at, client_secret_hash, handler_url, scope, title,"
          + " install_state, installer_user_id, registered";

  static final String LOCAL = "LOCAL";
  static final String WEBHOOK = "WEBHOOK";

  /**
   * The row of an application storage meets for the first time (its first bot or binding). A
   * webhook-keyed application's application token is its {@code CLIENT_ID}, as Bitrix24's server
   * sends it; any other gets a random one.
   */
  static ApplicationRow firstSeen(ApplicationKey key) {
    return key.webhookClientId()
        .map(clientId -> row(key.value(), WEBHOOK, clientId, clientId))
        .orElseGet(
            () -> row(key.value(), LOCAL, key.value(), ClientApplication.newApplicationToken()));
  }

  private static ApplicationRow row(
      String key, String kind, String clientId, String applicationToken) {
    return new ApplicationRow(
        key,
        kind,
        clientId,
        applicationToken,
        null,
        null,
        null,
        null,
        ClientApplication.DEFAULT_SCOPE,
        "",
        InstallState.INSTALLED.name(),
        ClientApplication.ADMINISTRATOR.value(),
        false);
  }

  /** The row of an application the operator registers. */
  static ApplicationRow from(ClientApplication application) {
    return new ApplicationRow(
        application.key().value(),
        LOCAL,
        application.key().value(),
        application.applicationToken(),
        application.accessToken() == null ? null : application.accessToken().hex(),
        application.accessTokenExpiresAt(),
        application.clientSecret() == null ? null : application.clientSecret().hex(),
        application.handlerUrl(),
        application.scope(),
        application.title(),
        application.state().name(),
        application.installer().value(),
        true);
  }

  ClientApplication toClientApplication() {
    return new ClientApplication(
        ApplicationKey.of(applicationKey),
        accessTokenHash == null ? null : new SecretHash(accessTokenHash),
        accessTokenExpiresAt,
        applicationToken,
        clientSecretHash == null ? null : new SecretHash(clientSecretHash),
        handlerUrl,
        scope,
        title,
        InstallState.valueOf(installState),
        UserId.of(installerUserId));
  }
}
