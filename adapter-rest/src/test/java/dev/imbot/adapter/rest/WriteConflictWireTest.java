package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.contract.ForwardingBots;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * imbot.register step 13 over the wire: when something else prevents creation (here every write
 * loses to a concurrent one, so the retries run out) the answer is {@code WRONG_REQUEST} {@code Bot
 * can't be created} and nothing is stored.
 */
@MicronautTest
class WriteConflictWireTest extends WireTest {
  private static final AtomicBoolean CONFLICTING = new AtomicBoolean();

  @MockBean(RegisterBotUseCase.class)
  RegisterBotUseCase conflictingRegistration(InMemoryPortal portal, Clock clock) {
    return new RegisterBotService(
        new ConflictingBots(portal.bots()),
        portal.handlers(),
        portal.users(),
        portal.unitOfWork(),
        clock,
        BotLimitPolicy.defaultLimit());
  }

  @MockBean(UnregisterBotUseCase.class)
  UnregisterBotUseCase conflictingUnregistration(InMemoryPortal portal, Clock clock) {
    return new UnregisterBotService(
        new ConflictingBots(portal.bots()),
        portal.handlers(),
        portal.tokens(),
        portal.outbox(),
        portal.unitOfWork(),
        clock);
  }

  @MockBean(UpdateBotUseCase.class)
  UpdateBotUseCase conflictingUpdate(InMemoryPortal portal) {
    return new UpdateBotService(
        new ConflictingBots(portal.bots()), portal.handlers(), portal.users(), portal.unitOfWork());
  }

  @Test
  void givenEveryWriteConflicting_unregisterAndUpdate_answerBotCantBeDeletedOrUpdated() {
    String client = unique("conflict");
    String prefix = webhook();
    long id =
        assertInteger(
            assertSuccess(
                wire.postForm(
                    prefix + "imbot.register", PhpQuery.build(minimalBot(client, "c", "C")))));
    Bot before = portal.bots().findById(BotId.of(id)).orElseThrow();
    CONFLICTING.set(true);
    try {
      assertError(
          wire.postForm(prefix + "imbot.unregister", "CLIENT_ID=" + client + "&BOT_ID=" + id),
          400,
          "WRONG_REQUEST",
          "Bot can't be deleted");
      assertError(
          wire.postForm(
              prefix + "imbot.update",
              "CLIENT_ID=" + client + "&BOT_ID=" + id + "&FIELDS%5BPROPERTIES%5D%5BNAME%5D=New"),
          400,
          "WRONG_REQUEST",
          "Bot can't be updated");
    } finally {
      CONFLICTING.set(false);
    }
    assertThat(portal.bots().findById(BotId.of(id))).contains(before);
    assertThat(portal.outbox().enqueued()).isEmpty();
  }

  @Test
  void givenEveryWriteConflicting_register_answersBotCantBeCreated() {
    String client = unique("conflict");
    CONFLICTING.set(true);
    try {
      assertError(
          wire.postForm(webhook() + "imbot.register", PhpQuery.build(minimalBot(client, "c", "C"))),
          400,
          "WRONG_REQUEST",
          "Bot can't be created");
    } finally {
      CONFLICTING.set(false);
    }
    assertThat(portal.bots().listAll())
        .noneMatch(bot -> bot.application().value().endsWith(client));
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of("custom" + client)).isEmpty())
        .isTrue();
    assertInteger(
        assertSuccess(
            wire.postForm(
                webhook() + "imbot.register", PhpQuery.build(minimalBot(client, "c", "C")))));
  }

  /** {@link Bots} whose writes lose to a concurrent write while {@link #CONFLICTING} is set. */
  private static final class ConflictingBots extends ForwardingBots {
    ConflictingBots(Bots delegate) {
      super(delegate);
    }

    @Override
    public void save(Bot bot) {
      if (CONFLICTING.get()) {
        throw new WriteConflictException("a concurrent registration won", null);
      }
      super.save(bot);
    }

    @Override
    public void add(Bot bot) {
      if (CONFLICTING.get()) {
        throw new WriteConflictException("a concurrent registration won", null);
      }
      super.add(bot);
    }

    @Override
    public void delete(BotId id) {
      if (CONFLICTING.get()) {
        throw new WriteConflictException("a concurrent change won", null);
      }
      super.delete(id);
    }
  }
}
