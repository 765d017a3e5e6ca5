package dev.imbot.domain.delivery;

import dev.imbot.domain.event.EventData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt's HTTP request, exactly as it is sent: the form body with this attempt's {@code ts},
 * the Standard Webhooks headers, and the secrets the HTTP side signs that very body with.
 *
 * @param url the handler URL
 * @param body the {@code application/x-www-form-urlencoded} body
 * @param headers the headers beside the body's content type and the signature, in order
 * @param webhookId the {@code webhook-id} (also in {@code headers})
 * @param timestamp the {@code webhook-timestamp} (also in {@code headers})
 * @param signers the secrets whose signatures {@code webhook-signature} carries, in order
 */
public record WebhookRequest(
    String url,
    byte[] body,
    Map<String, String> headers,
    String webhookId,
    long timestamp,
    List<SigningSecret> signers) {
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  public WebhookRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(webhookId, "webhookId");
    signers = List.copyOf(signers);
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a request is signed by at least one secret");
    }
  }

  /**
   * Attempt number {@code attempt} (1 for the first of a series) of {@code delivery} at {@code
   * now}, signed with {@code keys}: {@code event}, {@code event_handler_id}, {@code data} (the
   * recorded tree with this attempt's bot blocks merged in), {@code ts}, then {@code auth}, in
   * Bitrix24's order.
   */
  public static WebhookRequest render(
      DueDelivery delivery,
      EventData data,
      EventData auth,
      int attempt,
      Instant now,
      SigningKeys keys,
      String userAgent) {
    long ts = now.getEpochSecond();
    byte[] body =
        new FormBody(2048)
            .field("event", delivery.event())
            .field("event_handler_id", Long.toString(delivery.handlerBindingId()))
            .data("data", data)
            .field("ts", Long.toString(ts))
            .data("auth", auth)
            .toBytes();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", delivery.webhookId());
    headers.put("webhook-timestamp", Long.toString(ts));
    headers.put("X-Imbot-Attempt", Integer.toString(attempt));
    headers.put("User-Agent", userAgent);
    return new WebhookRequest(
        delivery.handlerUrl(), body, headers, delivery.webhookId(), ts, keys.signingAt(now));
  }

  /** The body as text (it is ASCII: every field is percent-encoded). */
  public String bodyText() {
    return new String(body, StandardCharsets.US_ASCII);
  }
}
