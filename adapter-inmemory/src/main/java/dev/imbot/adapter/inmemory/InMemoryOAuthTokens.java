package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory adapter of {@link OAuthTokens}. */
public final class InMemoryOAuthTokens implements OAuthTokens, Snapshottable {
  private Map<SecretHash, OAuthToken> byHash = new HashMap<>();

  public InMemoryOAuthTokens(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized void save(OAuthToken token) {
    byHash.put(token.hash(), token);
  }

  @Override
  public synchronized Optional<OAuthToken> find(SecretHash hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  @Override
  public synchronized boolean delete(SecretHash hash) {
    return byHash.remove(hash) != null;
  }

  @Override
  public synchronized void deleteAll(ApplicationKey application) {
    byHash.values().removeIf(token -> token.application().equals(application));
  }

  @Override
  public synchronized void deleteAll(ApplicationKey application, UserId user) {
    byHash
        .values()
        .removeIf(token -> token.application().equals(application) && token.user().equals(user));
  }

  @Override
  public synchronized int deleteExpired(Instant now) {
    int before = byHash.size();
    byHash.values().removeIf(token -> token.expiredAt(now));
    return before - byHash.size();
  }

  @Override
  public synchronized Runnable snapshot() {
    Map<SecretHash, OAuthToken> copy = new HashMap<>(byHash);
    return () -> {
      synchronized (this) {
        byHash = copy;
      }
    };
  }
}
