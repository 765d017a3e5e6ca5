package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the outgoing port {@link OAuthTokens}, run against every adapter: tokens are found by
 * their hash, expired or not; a token is deleted once, also when two callers race for it (a refresh
 * token is spent exactly once); deleting by application, by application and user, and by expiry
 * takes exactly those.
 */
public abstract class OAuthTokensContract extends PortalContract {

  private OAuthTokens tokens() {
    return portal.tokens();
  }

  /** Tokens are issued to stored applications (the database keeps a foreign key). */
  @BeforeEach
  void storeApplications() {
    for (ApplicationKey key : List.of(APP, OTHER_APP)) {
      portal
          .applications()
          .save(new ClientApplication(key, SecretHash.of("admin-" + key), null, "token-" + key));
    }
  }

  private static OAuthToken token(
      String secret, OAuthToken.Kind kind, ApplicationKey application, long user, long expiresIn) {
    return new OAuthToken(
        SecretHash.of(secret), kind, application, UserId.of(user), NOW.plusSeconds(expiresIn));
  }

  private static OAuthToken access(String secret, ApplicationKey application, long user) {
    return token(secret, OAuthToken.Kind.ACCESS, application, user, 3600);
  }

  @Test
  void givenSavedTokens_find_returnsEachWholeExpiredOrNot() {
    OAuthToken live = access("live", APP, 1);
    OAuthToken refresh = token("refresh", OAuthToken.Kind.REFRESH, APP, 7, 28 * 86400);
    OAuthToken expired = token("expired", OAuthToken.Kind.ACCESS, OTHER_APP, 1, -1);
    tokens().save(live);
    tokens().save(refresh);
    tokens().save(expired);

    assertThat(tokens().find(SecretHash.of("live"))).contains(live);
    assertThat(tokens().find(SecretHash.of("refresh"))).contains(refresh);
    assertThat(tokens().find(SecretHash.of("expired"))).contains(expired);
    assertThat(tokens().find(SecretHash.of("never issued"))).isEmpty();
  }

  @Test
  void givenToken_deleteTwice_onlyTheFirstSeesIt() {
    tokens().save(access("once", APP, 1));

    assertThat(tokens().delete(SecretHash.of("once"))).isTrue();
    assertThat(tokens().delete(SecretHash.of("once"))).isFalse();
    assertThat(tokens().find(SecretHash.of("once"))).isEmpty();
  }

  @Test
  void givenTwoCallersDeletingTheSameTokens_delete_answersTrueOnceForEachToken() {
    int count = 40;
    List<SecretHash> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens().save(token("race-" + i, OAuthToken.Kind.REFRESH, APP, 1, 3600));
      hashes.add(SecretHash.of("race-" + i));
    }
    AtomicInteger spent = new AtomicInteger();
    Runnable spender = () -> hashes.forEach(hash -> spent.addAndGet(tokens().delete(hash) ? 1 : 0));

    CompletableFuture.allOf(
            CompletableFuture.runAsync(spender), CompletableFuture.runAsync(spender))
        .join();

    assertThat(spent.get()).isEqualTo(count);
  }

  @Test
  void givenTokensOfTwoApplications_deleteAll_removesThoseOfTheOneApplicationOnly() {
    tokens().save(access("a1", APP, 1));
    tokens().save(access("a7", APP, 7));
    OAuthToken kept = access("b1", OTHER_APP, 1);
    tokens().save(kept);

    tokens().deleteAll(APP);

    assertThat(tokens().find(SecretHash.of("a1"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("a7"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("b1"))).contains(kept);
  }

  @Test
  void givenTokensOfSeveralUsers_deleteAllOfOneUser_removesThatUsersOfThatApplicationOnly() {
    tokens().save(access("bot-access", APP, 7));
    tokens().save(token("bot-refresh", OAuthToken.Kind.REFRESH, APP, 7, 86400));
    OAuthToken person = access("person", APP, 1);
    OAuthToken sameUserElsewhere = access("elsewhere", OTHER_APP, 7);
    tokens().save(person);
    tokens().save(sameUserElsewhere);

    tokens().deleteAll(APP, UserId.of(7));

    assertThat(tokens().find(SecretHash.of("bot-access"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("bot-refresh"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("person"))).contains(person);
    assertThat(tokens().find(SecretHash.of("elsewhere"))).contains(sameUserElsewhere);
  }

  @Test
  void givenExpiredAndLiveTokens_deleteExpired_removesTheExpiredOnesAndCountsThem() {
    tokens().save(token("gone", OAuthToken.Kind.ACCESS, APP, 1, -60));
    tokens().save(token("just-now", OAuthToken.Kind.REFRESH, OTHER_APP, 1, 0));
    OAuthToken live = token("live", OAuthToken.Kind.ACCESS, APP, 1, 1);
    tokens().save(live);

    int deleted = tokens().deleteExpired(NOW);

    assertThat(deleted).as("a token expiring now is expired").isEqualTo(2);
    assertThat(tokens().find(SecretHash.of("gone"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("just-now"))).isEmpty();
    assertThat(tokens().find(SecretHash.of("live"))).contains(live);
  }

  @Test
  void givenTokenSavedInAUnitOfWorkThatFails_find_doesNotSeeIt() {
    try {
      inUnitOfWork(
          (Runnable)
              () -> {
                tokens().save(access("rolled-back", APP, 1));
                throw new IllegalStateException("the unit of work fails");
              });
    } catch (IllegalStateException expected) {
      // the unit of work rolled back
    }

    assertThat(tokens().find(SecretHash.of("rolled-back"))).isEmpty();
  }
}
