package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.WebhookRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Outgoing port: sends one attempt to a handler over HTTP, through the network guard, without
 * following redirects and within the attempt's timeout. Never completes exceptionally: every
 * failure is an {@link AttemptResult}. The result may complete on the sender's own I/O thread: what
 * depends on it must not block there (it may send another request), and hands anything slow on.
 */
public interface WebhookSender {
  CompletableFuture<AttemptResult> send(WebhookRequest request);
}
