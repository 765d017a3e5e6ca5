package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.SigningSecret;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** In-memory adapter of {@link SigningSecrets}: each application's keys, made on first use. */
public final class InMemorySigningSecrets implements SigningSecrets {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SigningKeys> keys = new HashMap<>();

  @Override
  public synchronized SigningKeys keysOf(String application) {
    return keys.computeIfAbsent(application, a -> SigningKeys.of(SigningSecret.generate(random)));
  }

  @Override
  public synchronized SigningKeys rotate(String application, Instant now) {
    SigningKeys rotated = keysOf(application).rotateTo(SigningSecret.generate(random), now);
    keys.put(application, rotated);
    return rotated;
  }
}
