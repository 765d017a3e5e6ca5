package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.contract.TestCommands;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file database, created on first start, that survives restarts. */
class H2FileDatabaseTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T08:00:00.654321Z"), ZoneOffset.UTC);
  private static final ApplicationKey APP = ApplicationKey.of("app.durable");

  @TempDir Path temp;

  @Test
  void givenNoDataDirectory_start_createsTheDatabaseThere() {
    Path data = temp.resolve("data");

    try (DatabaseInstance instance = DatabaseInstance.start(PersistenceDefaults.h2FileUrl(data))) {
      assertThat(instance.bots().listAll()).isEmpty();
    }

    assertThat(data.resolve("imbot.mv.db")).exists();
  }

  @Test
  void givenAFreshDatabase_start_hasTheAdministratorAsUserOne() {
    try (DatabaseInstance instance =
        DatabaseInstance.start(PersistenceDefaults.h2FileUrl(temp.resolve("data")))) {
      assertThat(instance.people().listAll())
          .containsExactly(Person.named(UserId.of(1), "Administrator", null));
      assertThat(instance.users().allocateUserId().value()).isEqualTo(2);
    }
  }

  @Test
  void givenRegisteredBots_closeAndReopen_keepsEveryBotProfileAndBinding() throws Exception {
    String url = PersistenceDefaults.h2FileUrl(temp.resolve("data"));
    List<Bot> bots;
    HandlerBindings bindings;
    try (DatabaseInstance instance = DatabaseInstance.start(url)) {
      DatabaseTestPortal portal = new DatabaseTestPortal(instance);
      var register = portal.registerUseCase(BotLimitPolicy.defaultLimit(), CLOCK);
      register.register(TestCommands.seed(APP).build());
      register.register(TestCommands.minimal(APP, "second").build());
      bots = portal.storedBots();
      bindings = portal.handlers().bindingsOf(APP);
    }
    assertThat(bots).hasSize(2);
    assertThat(Files.size(temp.resolve("data/imbot.mv.db"))).isPositive();

    try (DatabaseInstance reopened = DatabaseInstance.start(url)) {
      DatabaseTestPortal portal = new DatabaseTestPortal(reopened);
      assertThat(portal.storedBots()).isEqualTo(bots);
      assertThat(portal.bots().findById(bots.get(0).id()).orElseThrow().profile().avatar())
          .isEqualTo(bots.get(0).profile().avatar());
      assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindings);
      BotId next = BotId.of(portal.users().allocateUserId());
      assertThat(next.value()).isGreaterThan(bots.get(1).id().value());
    }
  }
}
