package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory adapter of {@link ClientApplications}. */
public final class InMemoryClientApplications implements ClientApplications, Snapshottable {
  private TreeMap<String, ClientApplication> byKey = new TreeMap<>();

  public InMemoryClientApplications(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized void save(ClientApplication application) {
    byKey.put(application.key().value(), application);
  }

  @Override
  public synchronized Optional<ClientApplication> find(ApplicationKey key) {
    return Optional.ofNullable(byKey.get(key.value()));
  }

  @Override
  public synchronized Optional<ClientApplication> findByAccessToken(SecretHash accessToken) {
    return byKey.values().stream().filter(a -> accessToken.equals(a.accessToken())).findFirst();
  }

  @Override
  public synchronized List<ClientApplication> listAll() {
    return new ArrayList<>(byKey.values());
  }

  @Override
  public synchronized void delete(ApplicationKey key) {
    byKey.remove(key.value());
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<String, ClientApplication> copy = new TreeMap<>(byKey);
    return () -> {
      synchronized (this) {
        byKey = copy;
      }
    };
  }
}
