package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link ClientApplications}, run against every adapter. */
public abstract class ClientApplicationsContract extends PortalContract {
  private static final ApplicationKey THIRD_APP = ApplicationKey.of("app.gamma");

  private ClientApplications applications() {
    return portal.applications();
  }

  private static ClientApplication application(ApplicationKey key, String token) {
    return new ClientApplication(key, SecretHash.of(token), null, "app-token-of-" + key.value());
  }

  @Test
  void givenSavedApplications_find_returnsEachWhole() {
    ClientApplication forever = application(APP, "token-1");
    ClientApplication expiring =
        new ClientApplication(OTHER_APP, SecretHash.of("token-2"), NOW.plusMillis(1500), "secret");

    applications().save(forever);
    applications().save(expiring);

    assertThat(applications().find(APP)).contains(forever);
    assertThat(applications().find(OTHER_APP)).contains(expiring);
    assertThat(applications().find(THIRD_APP)).isEmpty();
  }

  @Test
  void givenAnApplicationSavedAgain_save_replacesItUnderTheSameKey() {
    applications().save(application(APP, "token-1"));
    ClientApplication renewed =
        new ClientApplication(APP, SecretHash.of("token-2"), NOW.plusSeconds(60), "renewed");

    applications().save(renewed);

    assertThat(applications().find(APP)).contains(renewed);
    assertThat(applications().listAll()).containsExactly(renewed);
  }

  @Test
  void givenARenewedToken_findByAccessToken_findsTheCurrentTokenOnly() {
    applications().save(application(APP, "token-1"));
    applications().save(application(OTHER_APP, "token-other"));
    ClientApplication renewed = application(APP, "token-2");
    applications().save(renewed);

    assertThat(applications().findByAccessToken(SecretHash.of("token-2"))).contains(renewed);
    assertThat(applications().findByAccessToken(SecretHash.of("token-1"))).isEmpty();
    assertThat(applications().findByAccessToken(SecretHash.of("unknown"))).isEmpty();
  }

  @Test
  void givenApplicationsSavedOutOfOrder_listAll_ordersThemByKey() {
    ClientApplication third = application(THIRD_APP, "t3");
    ClientApplication first = application(APP, "t1");
    ClientApplication second = application(OTHER_APP, "t2");
    applications().save(third);
    applications().save(first);
    applications().save(second);

    assertThat(applications().listAll()).containsExactly(first, second, third);
  }

  @Test
  void givenTwoApplications_deleteOne_leavesTheOther() {
    applications().save(application(APP, "t1"));
    ClientApplication other = application(OTHER_APP, "t2");
    applications().save(other);

    applications().delete(APP);
    applications().delete(THIRD_APP);

    assertThat(applications().find(APP)).isEmpty();
    assertThat(applications().findByAccessToken(SecretHash.of("t1"))).isEmpty();
    assertThat(applications().listAll()).containsExactly(other);
  }

  @Test
  void givenASaveRolledBack_find_doesNotSeeIt() {
    try {
      inUnitOfWork(
          () -> {
            applications().save(application(APP, "t1"));
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the unit of work that saved the application was rolled back
    }

    assertThat(applications().find(APP)).isEmpty();
    assertThat(applications().listAll()).isEmpty();
  }
}
