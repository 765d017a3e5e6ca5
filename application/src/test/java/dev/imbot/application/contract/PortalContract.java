package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.RejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract tests: a fresh {@link TestPortal} per test from {@link #newPortal()}, closed
 * after it, a fixed clock and two applications. Adapter modules subclass the contracts and supply
 * their portal.
 */
public abstract class PortalContract {
  protected static final Instant NOW = Instant.parse("2026-03-11T10:15:30Z");
  protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  protected static final ApplicationKey APP = ApplicationKey.of("app.alpha");
  protected static final ApplicationKey OTHER_APP = ApplicationKey.of("app.beta");

  protected TestPortal portal;

  /** A new, empty portal; each test gets its own. */
  protected abstract TestPortal newPortal();

  @BeforeEach
  void openPortal() {
    portal = newPortal();
  }

  @AfterEach
  void closePortal() {
    if (portal != null) {
      portal.close();
    }
  }

  /** The register use case with the default limit of 5. */
  protected RegisterBotUseCase registerUseCase() {
    return portal.registerUseCase(BotLimitPolicy.defaultLimit(), CLOCK);
  }

  protected RegisteredBot register(TestCommands.Registration registration) {
    return registerUseCase().register(registration.build());
  }

  /** Registers a {@link TestCommands#minimal} bot and returns its id. */
  protected BotId registerMinimal(ApplicationKey application, String code) {
    return register(TestCommands.minimal(application, code)).botId();
  }

  /** The stored bot, which must exist. */
  protected Bot storedBot(BotId id) {
    return portal
        .bots()
        .findById(id)
        .orElseThrow(() -> new AssertionError("bot " + id + " is not stored"));
  }

  protected <T> T inUnitOfWork(Supplier<T> work) {
    return portal.unitOfWork().run(work);
  }

  protected void inUnitOfWork(Runnable work) {
    portal
        .unitOfWork()
        .run(
            () -> {
              work.run();
              return null;
            });
  }

  /** The rejection {@code call} throws; fails the test when it throws nothing or anything else. */
  protected static RejectedException rejection(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(RejectedException.class);
    return (RejectedException) thrown;
  }

  /** The Bitrix24 error (status, code, text) a rejection answers with. */
  protected static BitrixError bitrixError(RejectedException rejected) {
    return rejected.rejection().error();
  }

  protected static BitrixError badRequest(String code, String description) {
    return new BitrixError(code, description);
  }
}
