package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory adapter of {@link InboundWebhooks}. */
public final class InMemoryInboundWebhooks implements InboundWebhooks, Snapshottable {
  private TreeMap<Long, InboundWebhook> byId = new TreeMap<>();
  private long lastId;

  public InMemoryInboundWebhooks(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized InboundWebhook add(long userId, SecretHash secret, Instant createdAt) {
    InboundWebhook webhook = new InboundWebhook(++lastId, userId, secret, createdAt);
    byId.put(webhook.id(), webhook);
    return webhook;
  }

  @Override
  public synchronized List<InboundWebhook> ofUser(long userId) {
    return byId.values().stream().filter(w -> w.userId() == userId).toList();
  }

  @Override
  public synchronized Optional<InboundWebhook> find(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<InboundWebhook> listAll() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public synchronized void delete(long id) {
    byId.remove(id);
  }

  /** Deletes the webhooks that act as {@code userId}, whose user is gone. */
  synchronized void deleteOfUser(long userId) {
    byId.values().removeIf(webhook -> webhook.userId() == userId);
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<Long, InboundWebhook> copy = new TreeMap<>(byId);
    return () -> {
      synchronized (this) {
        byId = copy;
      }
    };
  }
}
