package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.HashMap;
import java.util.Map;

/** In-memory adapter of {@link ApplicationHandlers}. */
public final class InMemoryApplicationHandlers implements ApplicationHandlers, Snapshottable {
  private Map<ApplicationKey, HandlerBindings> bindings = new HashMap<>();

  public InMemoryApplicationHandlers(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized HandlerBindings bindingsOf(ApplicationKey application) {
    return bindings.getOrDefault(application, HandlerBindings.none());
  }

  @Override
  public synchronized void replace(ApplicationKey application, HandlerBindings all) {
    if (all.isEmpty()) {
      bindings.remove(application);
    } else {
      bindings.put(application, all);
    }
  }

  @Override
  public synchronized void removeAll(ApplicationKey application) {
    bindings.remove(application);
  }

  @Override
  public synchronized Runnable snapshot() {
    Map<ApplicationKey, HandlerBindings> copy = new HashMap<>(bindings);
    return () -> {
      synchronized (this) {
        bindings = copy;
      }
    };
  }
}
