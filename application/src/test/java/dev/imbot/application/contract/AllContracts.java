package dev.imbot.application.contract;

import org.junit.jupiter.api.Nested;

/**
 * Every port contract, and the use cases over them, as one suite per adapter: an adapter's test
 * extends this class and says which portal it runs on; JUnit runs each contract as a nested class.
 */
public abstract class AllContracts {

  /** A fresh portal of the adapter under test, for each test. */
  protected abstract TestPortal portalUnderTest();

  @Nested
  class Bots extends BotsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class ApplicationHandlers extends ApplicationHandlersContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class PortalUsers extends PortalUsersContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class People extends PeopleContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class ClientApplications extends ClientApplicationsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class InboundWebhooks extends InboundWebhooksContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class EventOutbox extends EventOutboxContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class UnitOfWork extends UnitOfWorkContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class RegisterBotUseCase extends RegisterBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class UnregisterBotUseCase extends UnregisterBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class UpdateBotUseCase extends UpdateBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class ListBotsUseCase extends ListBotsUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class Messenger extends MessengerContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class AccessTokenHolders extends AccessTokenHoldersContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class OAuthTokens extends OAuthTokensContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class ApplicationEventBindings extends ApplicationEventBindingsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class PortalSettings extends PortalSettingsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class CommandHandlerBinding extends CommandHandlerBindingContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class SlashCommands extends SlashCommandsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class AnswerWindows extends AnswerWindowsContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }

  @Nested
  class CommandsUseCases extends CommandsUseCasesContract {
    @Override
    protected TestPortal newPortal() {
      return portalUnderTest();
    }
  }
}
