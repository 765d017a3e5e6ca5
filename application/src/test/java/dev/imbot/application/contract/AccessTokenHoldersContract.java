package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.application.port.out.portal.AccessTokenHolders.Holders;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the outgoing port {@link AccessTokenHolders}, run against every adapter: what it
 * finds for a hash is exactly what the token and application ports find for it, one after the
 * other: an issued token of any kind, expired or not; an application by its own token, whatever its
 * install state; both when both hold it; neither for a hash nobody holds.
 */
public abstract class AccessTokenHoldersContract extends PortalContract {
  private static final ApplicationKey THIRD_APP = ApplicationKey.of("app.gamma");

  private ClientApplication alpha;
  private ClientApplication uninstalling;

  private AccessTokenHolders holders() {
    return portal.accessTokenHolders();
  }

  @BeforeEach
  void storeApplicationsAndTokens() {
    alpha = new ClientApplication(APP, SecretHash.of("alpha-static"), NOW.plusSeconds(60), "t-a");
    uninstalling =
        new ClientApplication(OTHER_APP, SecretHash.of("beta-static"), null, "t-b")
            .withState(InstallState.UNINSTALLING);
    portal.applications().save(alpha);
    portal.applications().save(uninstalling);
    // A third application whose own token is also an issued token's (the two tables disagree).
    portal
        .applications()
        .save(new ClientApplication(THIRD_APP, SecretHash.of("shared"), null, "t-c"));
    portal.tokens().save(token("issued", OAuthToken.Kind.ACCESS, APP, 1, 3600));
    portal.tokens().save(token("refresh", OAuthToken.Kind.REFRESH, APP, 7, 86400));
    portal.tokens().save(token("expired", OAuthToken.Kind.ACCESS, OTHER_APP, 1, -1));
    portal.tokens().save(token("shared", OAuthToken.Kind.ACCESS, APP, 5, 3600));
  }

  private static OAuthToken token(
      String secret, OAuthToken.Kind kind, ApplicationKey application, long user, long expiresIn) {
    return new OAuthToken(
        SecretHash.of(secret), kind, application, UserId.of(user), NOW.plusSeconds(expiresIn));
  }

  @Test
  void givenIssuedTokenOfAnyKind_find_returnsItAndNoApplication() {
    for (String secret : List.of("issued", "refresh", "expired")) {
      Holders found = holders().find(SecretHash.of(secret));

      assertThat(found.issued()).isEqualTo(portal.tokens().find(SecretHash.of(secret)));
      assertThat(found.issued()).isPresent();
      assertThat(found.application()).isEmpty();
    }
  }

  @Test
  void givenApplicationsOwnToken_find_returnsTheApplicationWholeWhateverItsState() {
    Holders alphaHolders = holders().find(SecretHash.of("alpha-static"));
    Holders betaHolders = holders().find(SecretHash.of("beta-static"));

    assertThat(alphaHolders.issued()).isEmpty();
    assertThat(alphaHolders.application())
        .isEqualTo(portal.applications().findByAccessToken(SecretHash.of("alpha-static")));
    assertThat(alphaHolders.application().orElseThrow().key()).isEqualTo(APP);
    assertThat(alphaHolders.application().orElseThrow().accessTokenExpiresAt())
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(betaHolders.application().orElseThrow().state())
        .isEqualTo(InstallState.UNINSTALLING);
  }

  @Test
  void givenHashHeldByATokenAndAnApplication_find_returnsBoth() {
    Holders found = holders().find(SecretHash.of("shared"));

    assertThat(found.issued().orElseThrow().user()).isEqualTo(UserId.of(5));
    assertThat(found.application().orElseThrow().key()).isEqualTo(THIRD_APP);
  }

  @Test
  void givenHashNobodyHolds_find_returnsNeither() {
    assertThat(holders().find(SecretHash.of("nobody")))
        .isEqualTo(new Holders(Optional.empty(), Optional.empty()));
  }
}
