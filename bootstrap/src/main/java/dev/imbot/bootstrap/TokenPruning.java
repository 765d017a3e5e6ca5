package dev.imbot.bootstrap;

import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired OAuth tokens now and then, so the token table does not grow without end. */
@Singleton
public class TokenPruning {
  private static final Logger LOG = LoggerFactory.getLogger(TokenPruning.class);
  private final OAuthTokensUseCase tokens;

  public TokenPruning(OAuthTokensUseCase tokens) {
    this.tokens = tokens;
  }

  @Scheduled(
      fixedDelay = "${imbot.oauth.prune-interval:10m}",
      initialDelay = "${imbot.oauth.prune-interval:10m}")
  void prune() {
    try {
      int pruned = tokens.pruneExpired();
      if (pruned > 0) {
        LOG.info("Deleted {} expired OAuth tokens", pruned);
      }
    } catch (RuntimeException e) {
      // The database may be away for a while; the next run tries again.
      LOG.warn("Could not delete expired OAuth tokens: {}", e.toString());
    }
  }
}
