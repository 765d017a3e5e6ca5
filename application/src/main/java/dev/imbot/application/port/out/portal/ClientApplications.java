package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the applications the operator registered for token authentication. */
public interface ClientApplications {

  /** Stores a new application or replaces the one with the same key. */
  void save(ClientApplication application);

  Optional<ClientApplication> find(ApplicationKey key);

  /** The application whose current access token has this hash. */
  Optional<ClientApplication> findByAccessToken(SecretHash accessToken);

  /** All of them, ordered by key. */
  List<ClientApplication> listAll();

  /** Deletes the application record (its bots are the caller's business). */
  void delete(ApplicationKey key);
}
