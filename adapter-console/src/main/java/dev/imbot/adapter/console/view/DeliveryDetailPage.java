package dev.imbot.adapter.console.view;

import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase.ShownDelivery;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.event.DeliveryStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * View model: one delivery's page: where it stands, its attempts (time, status, latency, cause,
 * response excerpt), its body as sent and decoded as a tree, and whether it can be replayed.
 */
public record DeliveryDetailPage(
    Layout layout,
    DeliveryRow delivery,
    List<BotPage.Line> facts,
    List<AttemptRow> attempts,
    String body,
    List<TreeNode> tree,
    boolean replayable) {

  /** One attempt of the log. */
  public record AttemptRow(
      String label,
      String startedAt,
      String status,
      String latency,
      String outcome,
      String outcomeClass,
      String response) {}

  public static DeliveryDetailPage of(Layout layout, ShownDelivery shown) {
    DeliveryRecord delivery = shown.details().delivery();
    List<BotPage.Line> facts = new ArrayList<>();
    facts.add(new BotPage.Line("Webhook id", Long.toString(delivery.id())));
    facts.add(new BotPage.Line("Event", delivery.event()));
    facts.add(new BotPage.Line("Application", delivery.application()));
    facts.add(new BotPage.Line("Handler", delivery.handlerUrl()));
    facts.add(
        new BotPage.Line(
            "Bots",
            delivery.botIds().isEmpty()
                ? "none"
                : String.join(", ", delivery.botIds().stream().map(String::valueOf).toList())));
    facts.add(new BotPage.Line("Recorded", Times.utc(delivery.createdAt())));
    if (delivery.nextAttemptAt() != null) {
      facts.add(new BotPage.Line("Next attempt", Times.utc(delivery.nextAttemptAt())));
    }
    if (delivery.finishedAt() != null) {
      facts.add(
          new BotPage.Line(
              delivery.status() == DeliveryStatus.DEAD ? "Gave up" : "Delivered",
              Times.utc(delivery.finishedAt())));
    }
    if (delivery.replays() > 0) {
      facts.add(new BotPage.Line("Replayed", delivery.replays() + "×"));
    }
    if (delivery.lastError() != null) {
      facts.add(new BotPage.Line("Last failure", delivery.lastError()));
    }
    List<AttemptRow> attempts = new ArrayList<>();
    boolean replayed = delivery.replays() > 0;
    for (LoggedAttempt logged : shown.details().attempts()) {
      AttemptRecord attempt = logged.attempt();
      attempts.add(
          new AttemptRow(
              replayed
                  ? "Series " + logged.series() + ", attempt " + attempt.number()
                  : "Attempt " + attempt.number(),
              Times.utc(attempt.startedAt()),
              attempt.status() == 0 ? "no answer" : "HTTP " + attempt.status(),
              Times.duration(attempt.duration()),
              attempt.succeeded() ? "Delivered" : attempt.cause(),
              attempt.succeeded() ? "status-delivered" : "status-dead",
              attempt.responseStart()));
    }
    return new DeliveryDetailPage(
        layout,
        DeliveryRow.of(delivery),
        facts,
        attempts,
        shown.body().encode(),
        TreeNode.of(shown.body().asTree()),
        delivery.status() != DeliveryStatus.PENDING);
  }
}
