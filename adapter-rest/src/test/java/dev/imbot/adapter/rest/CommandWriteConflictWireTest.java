package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.port.in.command.RegisterCommandUseCase;
import dev.imbot.application.port.in.command.UnregisterCommandUseCase;
import dev.imbot.application.port.in.command.UpdateCommandUseCase;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.service.command.RegisterCommandService;
import dev.imbot.application.service.command.UnregisterCommandService;
import dev.imbot.application.service.command.UpdateCommandService;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The last rows of {@code imbot.command.register}, {@code update} and {@code unregister} over the
 * wire: when every write loses to a concurrent one and the retries run out, the answer is {@code
 * WRONG_REQUEST} "Command can't be created / updated / deleted" and nothing changes.
 */
@MicronautTest
class CommandWriteConflictWireTest extends WireTest {
  private static final AtomicBoolean CONFLICTING = new AtomicBoolean();

  @MockBean(RegisterCommandUseCase.class)
  RegisterCommandUseCase conflictingRegistration(InMemoryPortal portal) {
    return new RegisterCommandService(
        new Conflicting(portal.commands()), portal.bots(), portal.handlers(), portal.unitOfWork());
  }

  @MockBean(UpdateCommandUseCase.class)
  UpdateCommandUseCase conflictingUpdate(InMemoryPortal portal) {
    return new UpdateCommandService(
        new Conflicting(portal.commands()), portal.handlers(), portal.unitOfWork());
  }

  @MockBean(UnregisterCommandUseCase.class)
  UnregisterCommandUseCase conflictingUnregistration(InMemoryPortal portal) {
    return new UnregisterCommandService(new Conflicting(portal.commands()), portal.unitOfWork());
  }

  @Test
  void givenEveryWriteConflicting_commandMethods_answerTheirLastRow() {
    String ann = webhook();
    String client = unique("conflict");
    long bot = register(ann, minimalBot(client, unique("c"), "C"));
    Map<String, Object> registration = commandRegistration(client, bot, "echo");
    long id = assertInteger(assertSuccess(call(ann, "imbot.command.register", registration)));
    CONFLICTING.set(true);
    try {
      registration.put("COMMAND", "help");
      assertError(
          call(ann, "imbot.command.register", registration),
          400,
          "WRONG_REQUEST",
          "Command can't be created");
      assertError(
          call(
              ann,
              "imbot.command.update",
              params(
                  "CLIENT_ID", client,
                  "COMMAND_ID", String.valueOf(id),
                  "FIELDS", params("HIDDEN", "Y"))),
          400,
          "WRONG_REQUEST",
          "Command can't be updated");
      assertError(
          call(
              ann,
              "imbot.command.unregister",
              params("CLIENT_ID", client, "COMMAND_ID", String.valueOf(id))),
          400,
          "WRONG_REQUEST",
          "Command can't be deleted");
    } finally {
      CONFLICTING.set(false);
    }
    SlashCommand kept = portal.commands().find(CommandId.of(id)).orElseThrow();
    assertThat(kept.hidden()).isFalse();
    assertThat(portal.commands().findOfBot(BotId.of(bot), CommandName.of("help"))).isEmpty();
    assertThat(
            portal.commands().findOfApplication(ApplicationKey.fromClientId(client), kept.name()))
        .isPresent();
  }

  /** Every write loses to a concurrent one while {@link #CONFLICTING} is set. */
  private record Conflicting(SlashCommands delegate) implements SlashCommands {
    private static void maybeConflict() {
      if (CONFLICTING.get()) {
        throw new WriteConflictException("injected conflict", null);
      }
    }

    @Override
    public CommandId nextId() {
      return delegate.nextId();
    }

    @Override
    public void save(SlashCommand command) {
      maybeConflict();
      delegate.save(command);
    }

    @Override
    public void delete(CommandId id) {
      maybeConflict();
      delegate.delete(id);
    }

    @Override
    public Optional<SlashCommand> find(CommandId id) {
      return delegate.find(id);
    }

    @Override
    public Optional<SlashCommand> findOfBot(BotId bot, CommandName name) {
      return delegate.findOfBot(bot, name);
    }

    @Override
    public Optional<SlashCommand> findOfApplication(ApplicationKey application, CommandName name) {
      return delegate.findOfApplication(application, name);
    }

    @Override
    public List<SlashCommand> named(CommandName name) {
      return delegate.named(name);
    }
  }
}
