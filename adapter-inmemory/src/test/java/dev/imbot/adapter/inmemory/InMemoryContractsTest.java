package dev.imbot.adapter.inmemory;

import dev.imbot.application.contract.ApplicationHandlersContract;
import dev.imbot.application.contract.BotsContract;
import dev.imbot.application.contract.ClientApplicationsContract;
import dev.imbot.application.contract.EventOutboxContract;
import dev.imbot.application.contract.InboundWebhooksContract;
import dev.imbot.application.contract.ListBotsUseCaseContract;
import dev.imbot.application.contract.MessengerContract;
import dev.imbot.application.contract.PeopleContract;
import dev.imbot.application.contract.PortalUsersContract;
import dev.imbot.application.contract.RegisterBotUseCaseContract;
import dev.imbot.application.contract.TestMessengerPortal;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnitOfWorkContract;
import dev.imbot.application.contract.UnregisterBotUseCaseContract;
import dev.imbot.application.contract.UpdateBotUseCaseContract;
import org.junit.jupiter.api.Nested;

/** Every port contract, and the use cases over them, on the in-memory adapters. */
class InMemoryContractsTest {

  private static TestPortal portal() {
    return new InMemoryTestPortal();
  }

  @Nested
  class Bots extends BotsContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class ApplicationHandlers extends ApplicationHandlersContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class PortalUsers extends PortalUsersContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class People extends PeopleContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class ClientApplications extends ClientApplicationsContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class InboundWebhooks extends InboundWebhooksContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class EventOutbox extends EventOutboxContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class UnitOfWork extends UnitOfWorkContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class RegisterBotUseCase extends RegisterBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class UnregisterBotUseCase extends UnregisterBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class UpdateBotUseCase extends UpdateBotUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class ListBotsUseCase extends ListBotsUseCaseContract {
    @Override
    protected TestPortal newPortal() {
      return portal();
    }
  }

  @Nested
  class Messenger extends MessengerContract {
    @Override
    protected TestMessengerPortal newPortal() {
      return new InMemoryTestPortal();
    }
  }
}
