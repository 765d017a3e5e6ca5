package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.SigningKeys;
import java.time.Instant;

/**
 * Outgoing port: each application's webhook signing secrets. An application without one gets a new
 * random secret the first time it is asked for.
 */
public interface SigningSecrets {

  /** The keys that sign {@code application}'s deliveries, made on first use. */
  SigningKeys keysOf(String application);

  /** Replaces {@code application}'s secret with a new one; the old one signs beside it for 24 h. */
  SigningKeys rotate(String application, Instant now);
}
