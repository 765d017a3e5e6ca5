package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.service.portal.AdministerWebhooksService;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link InboundWebhooks}, run against every adapter. */
public abstract class InboundWebhooksContract extends PortalContract {
  /** Sub-second, as a clock gives it: stored instants keep their milliseconds. */
  private static final Instant CREATED_AT = NOW.plusMillis(250);

  private static final long ADMINISTRATOR = 1;

  private InboundWebhooks webhooks() {
    return portal.webhooks();
  }

  @Test
  void givenWebhooksAdded_add_numbersThemIncreasinglyAndFindReturnsThemWhole() {
    long person = portal.addPerson(null);

    InboundWebhook first = webhooks().add(ADMINISTRATOR, SecretHash.of("s1"), CREATED_AT);
    InboundWebhook second = webhooks().add(person, SecretHash.of("s2"), CREATED_AT);

    assertThat(first.id()).isPositive();
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(first.userId()).isEqualTo(ADMINISTRATOR);
    assertThat(first.secret()).isEqualTo(SecretHash.of("s1"));
    assertThat(first.createdAt()).isEqualTo(CREATED_AT);
    assertThat(webhooks().find(first.id())).contains(first);
    assertThat(webhooks().find(second.id())).contains(second);
  }

  @Test
  void givenWebhooksOfSeveralUsers_ofUser_returnsOnlyThatUsersInIdOrder() {
    long person = portal.addPerson(null);
    InboundWebhook a = webhooks().add(person, SecretHash.of("a"), CREATED_AT);
    InboundWebhook admin = webhooks().add(ADMINISTRATOR, SecretHash.of("admin"), CREATED_AT);
    InboundWebhook b = webhooks().add(person, SecretHash.of("b"), CREATED_AT);

    assertThat(webhooks().ofUser(person)).containsExactly(a, b);
    assertThat(webhooks().ofUser(ADMINISTRATOR)).containsExactly(admin);
    assertThat(webhooks().listAll()).containsExactly(a, admin, b);
  }

  @Test
  void givenNoWebhookOfAUser_ofUserAndFind_findNothing() {
    assertThat(webhooks().listAll()).isEmpty();
    assertThat(webhooks().ofUser(ADMINISTRATOR)).isEmpty();
    assertThat(webhooks().find(1)).isEmpty();
  }

  @Test
  void givenTwoWebhooks_deleteOne_leavesTheOther() {
    InboundWebhook first = webhooks().add(ADMINISTRATOR, SecretHash.of("s1"), CREATED_AT);
    InboundWebhook second = webhooks().add(ADMINISTRATOR, SecretHash.of("s2"), CREATED_AT);

    webhooks().delete(first.id());
    webhooks().delete(999_999);

    assertThat(webhooks().find(first.id())).isEmpty();
    assertThat(webhooks().listAll()).containsExactly(second);
  }

  @Test
  void givenAPersonDeleted_theirWebhooks_goWithThem() {
    long person = portal.addPerson(null);
    InboundWebhook admin = webhooks().add(ADMINISTRATOR, SecretHash.of("admin"), CREATED_AT);
    webhooks().add(person, SecretHash.of("theirs"), CREATED_AT);

    portal.people().delete(UserId.of(person));

    assertThat(webhooks().ofUser(person)).isEmpty();
    assertThat(webhooks().listAll()).containsExactly(admin);
  }

  @Test
  void givenAnAddRolledBack_listAll_doesNotHoldIt() {
    try {
      inUnitOfWork(
          () -> {
            webhooks().add(ADMINISTRATOR, SecretHash.of("gone"), CREATED_AT);
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the unit of work that added the webhook was rolled back
    }

    assertThat(webhooks().listAll()).isEmpty();
    assertThat(webhooks().ofUser(ADMINISTRATOR)).isEmpty();
  }

  @Test
  void givenNoWebhook_createFirstWebhookIfNone_issuesOneForUserOneOnce() {
    var service =
        new AdministerWebhooksService(webhooks(), portal.people(), portal.unitOfWork(), CLOCK);

    var issued = service.createFirstWebhookIfNone().orElseThrow();

    assertThat(issued.webhook().userId()).isEqualTo(AdministerWebhooksService.FIRST_USER_ID);
    assertThat(issued.webhook().secret().matches(issued.secret())).isTrue();
    assertThat(webhooks().listAll()).containsExactly(issued.webhook());
    assertThat(service.createFirstWebhookIfNone()).isEmpty();
  }
}
