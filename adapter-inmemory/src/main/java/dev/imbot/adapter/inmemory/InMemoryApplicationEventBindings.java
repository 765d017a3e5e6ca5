package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.ArrayList;
import java.util.List;

/** In-memory adapter of {@link ApplicationEventBindings}. */
public final class InMemoryApplicationEventBindings
    implements ApplicationEventBindings, Snapshottable {
  private List<ApplicationEventBinding> bindings = new ArrayList<>();
  private long lastId;

  public InMemoryApplicationEventBindings(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized ApplicationEventBinding bind(
      ApplicationKey application, ApplicationEvent event, String handler, long authType) {
    for (ApplicationEventBinding binding : bindings) {
      if (binding.application().equals(application)
          && binding.event() == event
          && binding.handler().equals(handler)) {
        return binding;
      }
    }
    ApplicationEventBinding binding =
        new ApplicationEventBinding(++lastId, application, event, handler, authType);
    bindings.add(binding);
    return binding;
  }

  @Override
  public synchronized int unbind(
      ApplicationKey application, ApplicationEvent event, String handler) {
    int before = bindings.size();
    bindings.removeIf(
        b ->
            b.application().equals(application)
                && b.event() == event
                && (handler == null || b.handler().equals(handler)));
    return before - bindings.size();
  }

  @Override
  public synchronized List<ApplicationEventBinding> of(ApplicationKey application) {
    return bindings.stream().filter(b -> b.application().equals(application)).toList();
  }

  @Override
  public synchronized void removeAll(ApplicationKey application) {
    bindings.removeIf(b -> b.application().equals(application));
  }

  @Override
  public synchronized Runnable snapshot() {
    List<ApplicationEventBinding> copy = new ArrayList<>(bindings);
    return () -> {
      synchronized (this) {
        bindings = copy;
      }
    };
  }
}
