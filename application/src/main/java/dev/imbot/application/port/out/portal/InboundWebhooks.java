package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the operator's inbound webhooks. */
public interface InboundWebhooks {

  /** Stores a new webhook for {@code userId} and returns it with its id. */
  InboundWebhook add(long userId, SecretHash secret, Instant createdAt);

  /** The webhooks that act as {@code userId}. */
  List<InboundWebhook> ofUser(long userId);

  Optional<InboundWebhook> find(long id);

  /** All webhooks, ordered by id. */
  List<InboundWebhook> listAll();

  void delete(long id);
}
