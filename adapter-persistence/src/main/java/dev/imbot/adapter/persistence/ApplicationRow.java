package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import java.time.Instant;

/**
 * An {@code application} row: one per application, local ({@code LOCAL}, its key is its client id)
 * or webhook-keyed ({@code WEBHOOK}, key {@code custom<CLIENT_ID>}), with its secrets. Only a local
 * application registered by the operator has an access token.
 */
public record ApplicationRow(
    String applicationKey,
    String kind,
    String clientId,
    String applicationToken,
    String accessTokenHash,
    Instant accessTokenExpiresAt) {

  static final String COLUMNS =
      "application_key, kind, client_id, application_token, access_token_hash,"
          + " access_token_expires_at";

  static final String LOCAL = "LOCAL";
  static final String WEBHOOK = "WEBHOOK";

  /**
   * The row of an application storage meets for the first time (its first bot or binding). A
   * webhook-keyed application's application token is its {@code CLIENT_ID}, as Bitrix24's server
   * sends it; any other gets a random one.
   */
  static ApplicationRow firstSeen(ApplicationKey key) {
    return key.webhookClientId()
        .map(clientId -> new ApplicationRow(key.value(), WEBHOOK, clientId, clientId, null, null))
        .orElseGet(
            () ->
                new ApplicationRow(
                    key.value(), LOCAL, key.value(), SecretHash.newSecret(), null, null));
  }

  /** The row of an application the operator registers for token authentication. */
  static ApplicationRow from(ClientApplication application) {
    return new ApplicationRow(
        application.key().value(),
        LOCAL,
        application.key().value(),
        application.applicationToken(),
        application.accessToken().hex(),
        application.accessTokenExpiresAt());
  }

  ClientApplication toClientApplication() {
    return new ClientApplication(
        ApplicationKey.of(applicationKey),
        new SecretHash(accessTokenHash),
        accessTokenExpiresAt,
        applicationToken);
  }
}
