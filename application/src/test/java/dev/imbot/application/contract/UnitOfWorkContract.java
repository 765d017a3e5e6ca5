package dev.imbot.application.contract;

import static dev.imbot.application.contract.StoredBots.plainBot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link UnitOfWork}, run against every adapter. */
public abstract class UnitOfWorkContract extends PortalContract {
  private static final HandlerBindings V1 =
      HandlerBindings.of(Map.of(BotEvent.MESSAGE_ADD, HandlerUrl.of("https://v1.example.com/add")));
  private static final HandlerBindings V2 =
      HandlerBindings.of(Map.of(BotEvent.BOT_DELETE, HandlerUrl.of("https://v2.example.com/gone")));

  private UnitOfWork unitOfWork() {
    return portal.unitOfWork();
  }

  private BotId newId() {
    return inUnitOfWork(() -> BotId.of(portal.users().allocateUserId()));
  }

  @Test
  void givenWork_run_returnsItsResult() {
    assertThat(unitOfWork().run(() -> "result")).isEqualTo("result");
  }

  @Test
  void givenWorkThatWrites_run_keepsTheWrites() {
    Bot bot = plainBot(newId(), APP, "newbot");

    unitOfWork()
        .run(
            () -> {
              StoredBots.lockAndSave(portal.bots(), bot);
              portal.handlers().replace(APP, V1);
              return null;
            });

    assertThat(portal.storedBots()).containsExactly(bot);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(V1);
  }

  @Test
  void givenWorkThatThrows_run_rollsBackBotsHandlersAndOutboxAndRethrows() {
    Bot existing = plainBot(newId(), APP, "existing");
    inUnitOfWork(
        () -> {
          StoredBots.lockAndSave(portal.bots(), existing);
          portal.handlers().replace(APP, V1);
        });
    Bot added = plainBot(newId(), APP, "added");
    Bot changed =
        Bot.reconstitute(
            existing.id(),
            APP,
            BotCode.of("changed"),
            existing.type(),
            existing.openLines(),
            existing.profile(),
            existing.registeredAt());
    RuntimeException boom = new IllegalStateException("boom");

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          StoredBots.lockAndSave(portal.bots(), added);
                          StoredBots.lockAndSave(portal.bots(), changed);
                          portal.handlers().replace(APP, V2);
                          portal.handlers().replace(OTHER_APP, V1);
                          portal.outbox().enqueue(notice(existing.id()));
                          throw boom;
                        }));

    assertThat(thrown).isSameAs(boom);
    assertThat(portal.storedBots()).containsExactly(existing);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(V1);
    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(HandlerBindings.none());
    assertThat(portal.enqueuedEvents()).isEmpty();
  }

  @Test
  void givenWorkThatDeletesAndThrows_run_restoresTheDeletedBot() {
    Bot existing = plainBot(newId(), APP, "existing");
    inUnitOfWork(
        () -> {
          StoredBots.lockAndSave(portal.bots(), existing);
          portal.handlers().replace(APP, V1);
        });

    catchThrowable(
        () ->
            unitOfWork()
                .run(
                    () -> {
                      portal.bots().delete(existing.id());
                      portal.handlers().removeAll(APP);
                      throw new IllegalStateException("boom");
                    }));

    assertThat(portal.bots().findById(existing.id())).contains(existing);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(V1);
  }

  @Test
  void givenNestedRun_run_joinsTheOuterUnitOfWork() {
    Bot inner = plainBot(newId(), APP, "inner");
    Bot outer = plainBot(newId(), APP, "outer");

    String result =
        unitOfWork()
            .run(
                () -> {
                  String innerResult =
                      unitOfWork()
                          .run(
                              () -> {
                                StoredBots.lockAndSave(portal.bots(), inner);
                                return "inner";
                              });
                  StoredBots.lockAndSave(portal.bots(), outer);
                  return innerResult + "+outer";
                });

    assertThat(result).isEqualTo("inner+outer");
    assertThat(portal.storedBots()).containsExactly(inner, outer);
  }

  @Test
  void givenNestedRunThenOuterThrows_run_rollsBackTheInnerWritesToo() {
    Bot inner = plainBot(newId(), APP, "inner");
    RuntimeException boom = new IllegalStateException("outer fails");

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          unitOfWork()
                              .run(
                                  () -> {
                                    StoredBots.lockAndSave(portal.bots(), inner);
                                    portal.handlers().replace(APP, V1);
                                    return null;
                                  });
                          throw boom;
                        }));

    assertThat(thrown).isSameAs(boom);
    assertThat(portal.storedBots()).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenNestedRunThatThrows_run_propagatesAndRollsBackEverything() {
    Bot outer = plainBot(newId(), APP, "outer");
    RuntimeException boom = new IllegalStateException("inner fails");

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          StoredBots.lockAndSave(portal.bots(), outer);
                          return unitOfWork()
                              .run(
                                  () -> {
                                    throw boom;
                                  });
                        }));

    assertThat(thrown).isSameAs(boom);
    assertThat(portal.storedBots()).isEmpty();
  }

  private static PendingEvent notice(BotId id) {
    return new PendingEvent(
        APP,
        "ONIMBOTDELETE",
        1,
        HandlerUrl.of("https://v1.example.com/gone"),
        EventData.builder().put("BOT_ID", id.value()).put("BOT_CODE", "existing").build(),
        AuthSubjects.none(),
        NOW);
  }
}
