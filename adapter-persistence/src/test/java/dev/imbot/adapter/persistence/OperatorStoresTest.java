package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.contract.TestCommands;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.service.portal.AdministerWebhooksService;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stores of what the operator manages (people, client applications, inbound webhooks), which
 * have no application contract yet. Runs once per database.
 */
abstract class OperatorStoresTest {
  private static final Instant NOW = Instant.parse("2026-11-01T12:00:00.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ApplicationKey APP = ApplicationKey.of("app.operator");

  DatabaseTestPortal portal;
  DatabaseInstance instance;

  protected abstract TestDatabase database();

  private Person addPerson(String name, Email email) {
    Person person = Person.named(instance.users().allocateUserId(), name, email);
    instance.people().add(person);
    return person;
  }

  @BeforeEach
  void freshSchema() {
    portal = database().freshPortal();
    instance = portal.instance();
  }

  @Test
  void givenPeople_addFindListDelete_keepTheirIdsNamesPositionsGendersAndAddresses() {
    Person ann =
        new Person(
            instance.users().allocateUserId(),
            "Ann",
            "Lee",
            "Тестировщик",
            Gender.FEMALE,
            Email.of("ann@example.com"));
    instance.people().add(ann);
    Person bob = addPerson("Bob", null);

    assertThat(instance.people().find(ann.id())).contains(ann);
    assertThat(instance.people().listAll()).endsWith(ann, bob).hasSize(3);
    assertThat(instance.users().isEmailInUse(Email.of("ANN@example.com"), null)).isTrue();
    instance.people().delete(ann.id());
    assertThat(instance.people().find(ann.id())).isEmpty();
    assertThat(instance.users().isEmailInUse(Email.of("ann@example.com"), null)).isFalse();
  }

  @Test
  void givenABotsAddress_addPerson_isAWriteConflict() {
    portal
        .registerUseCase(BotLimitPolicy.defaultLimit(), CLOCK)
        .register(TestCommands.seed(APP).build());

    assertThatThrownBy(() -> addPerson("Copycat", Email.of("TEST@test.ru")))
        .isInstanceOf(WriteConflictException.class);
  }

  @Test
  void givenABot_findPerson_doesNotReturnIt() {
    long botId =
        portal
            .registerUseCase(BotLimitPolicy.defaultLimit(), CLOCK)
            .register(TestCommands.minimal(APP, "bot").build())
            .botId()
            .value();

    assertThat(instance.people().find(UserId.of(botId))).isEmpty();
    instance.people().delete(UserId.of(botId));
    assertThat(portal.bots().listAll()).hasSize(1);
  }

  @Test
  void givenApplications_saveFindListDelete_roundTripAndReplace() {
    ClientApplication first =
        new ClientApplication(APP, SecretHash.of("token-1"), null, "app-token-1");
    ClientApplication other =
        new ClientApplication(
            ApplicationKey.of("app.another"), SecretHash.of("token-2"), NOW, "app-token-2");

    instance.applications().save(first);
    instance.applications().save(other);
    ClientApplication renewed =
        new ClientApplication(APP, SecretHash.of("token-3"), NOW.plusSeconds(60), "app-token-1");
    instance.applications().save(renewed);

    assertThat(instance.applications().find(APP)).contains(renewed);
    assertThat(instance.applications().findByAccessToken(SecretHash.of("token-3")))
        .contains(renewed);
    assertThat(instance.applications().findByAccessToken(SecretHash.of("token-1"))).isEmpty();
    assertThat(instance.applications().listAll()).containsExactly(other, renewed);
    instance.applications().delete(APP);
    assertThat(instance.applications().listAll()).containsExactly(other);
  }

  @Test
  void givenWebhooks_addFindListDelete_numberThemAndGoWithTheirUser() {
    Person person = addPerson("Hooked", null);
    InboundWebhook first = instance.webhooks().add(1, SecretHash.of("s1"), NOW);
    InboundWebhook second = instance.webhooks().add(person.id().value(), SecretHash.of("s2"), NOW);

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(instance.webhooks().find(first.id())).contains(first);
    assertThat(instance.webhooks().ofUser(person.id().value())).containsExactly(second);
    assertThat(instance.webhooks().listAll()).containsExactly(first, second);
    instance.people().delete(person.id());
    assertThat(instance.webhooks().listAll()).containsExactly(first);
    instance.webhooks().delete(first.id());
    assertThat(instance.webhooks().listAll()).isEmpty();
  }

  @Test
  void givenNoWebhook_createFirstWebhookIfNone_issuesOneForUserOne() {
    var service =
        new AdministerWebhooksService(
            instance.webhooks(), instance.people(), instance.unitOfWork(), CLOCK);

    var issued = service.createFirstWebhookIfNone().orElseThrow();

    assertThat(issued.webhook().userId()).isEqualTo(AdministerWebhooksService.FIRST_USER_ID);
    assertThat(issued.webhook().secret().matches(issued.secret())).isTrue();
    assertThat(service.createFirstWebhookIfNone()).isEmpty();
  }
}
