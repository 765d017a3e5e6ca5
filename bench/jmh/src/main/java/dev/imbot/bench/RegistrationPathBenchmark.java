package dev.imbot.bench;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.contract.TestCommands;
import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotRegistration;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The domain registration path without I/O: the seed's request validated (steps 2–9), and the
 * whole use case with its policies over the in-memory ports, one new bot per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegistrationPathBenchmark {
  private RegisterBotCommand seed;
  private RegisterBotUseCase register;
  private Map<String, String> properties;
  private long sequence;

  @Setup(Level.Iteration)
  public void setUp() {
    newPortal();
    properties = TestCommands.seedProperties();
    properties.remove("EMAIL"); // one bot per address: the e-mail policy would refuse the copies
    seed = TestCommands.seed(ApplicationKey.of("bench")).properties(properties).build();
  }

  @Benchmark
  public RegisterBotCommand buildSeedCommand() {
    return command(ApplicationKey.of("bench"), "newbot");
  }

  // Built directly, not through TestCommands.seed(), which renders a fresh PNG on every call.
  private RegisterBotCommand command(ApplicationKey application, String code) {
    return new RegisterBotCommand(
        application,
        code,
        "B",
        "Y",
        TestCommands.SEED_HANDLER,
        Map.of(),
        properties);
  }

  @Benchmark
  public BotRegistration validateSeedRequest() {
    return BotRegistration.validate(
        seed.code(),
        seed.type(),
        seed.openLine(),
        seed.eventHandler(),
        seed.handlers(),
        seed.properties());
  }

  // The in-memory adapter snapshots every store per unit of work (O(bots)), so it is renewed often
  // enough that the adapter's own cost stays small next to the path measured.
  private void newPortal() {
    InMemoryPortal portal = new InMemoryPortal();
    register =
        new RegisterBotService(
            portal.bots(),
            portal.handlers(),
            portal.users(),
            portal.unitOfWork(),
            Clock.systemUTC(),
            new BotLimitPolicy(Integer.MAX_VALUE));
  }

  @Benchmark
  public RegisteredBot registerNewBot() {
    long n = sequence++;
    if (n % 100 == 0) {
      newPortal();
    }
    return register.register(command(ApplicationKey.of("bench" + (n / 10)), "bot" + n));
  }
}
