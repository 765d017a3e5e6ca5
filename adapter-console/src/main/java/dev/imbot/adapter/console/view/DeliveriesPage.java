package dev.imbot.adapter.console.view;

import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.HandlerHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * View model: the Deliveries page: the filters, a page of deliveries newest first, and the health
 * panel of each handler with attempts in the last hour.
 */
public record DeliveriesPage(
    Layout layout,
    DeliverySearch search,
    List<Option> statuses,
    List<Option> events,
    List<DeliveryRow> rows,
    Paged<DeliveryRow> paging,
    String summary,
    String problem,
    List<HandlerPanel> handlers) {

  /** The events a filter offers: the bot events, the command event and the application events. */
  static final List<String> EVENTS =
      List.of(
          "ONIMBOTMESSAGEADD",
          "ONIMBOTMESSAGEUPDATE",
          "ONIMBOTMESSAGEDELETE",
          "ONIMBOTJOINCHAT",
          "ONIMBOTDELETE",
          "ONIMCOMMANDADD",
          "ONAPPINSTALL",
          "ONAPPUNINSTALL");

  public static DeliveriesPage of(
      Layout layout,
      DeliverySearch search,
      DeliveryPage page,
      int pageSize,
      List<HandlerHealth> health) {
    List<DeliveryRow> rows = page.deliveries().stream().map(DeliveryRow::of).toList();
    int pages = (int) Math.max(1, (page.total() + pageSize - 1) / pageSize);
    Paged<DeliveryRow> paging =
        new Paged<>(rows, Math.min(search.page(), pages), pages, (int) page.total());
    return new DeliveriesPage(
        layout,
        search,
        statuses(search.status()),
        events(search.event()),
        rows,
        paging,
        summary(search, page.total()),
        null,
        health.stream().map(HandlerPanel::of).toList());
  }

  /** The page when the filter cannot be read: the filters as typed and what is wrong with them. */
  public static DeliveriesPage refused(
      Layout layout, DeliverySearch search, String problem, List<HandlerHealth> health) {
    return new DeliveriesPage(
        layout,
        search,
        statuses(search.status()),
        events(search.event()),
        List.of(),
        new Paged<>(List.of(), 1, 1, 0),
        "No delivery is shown: the filter cannot be read.",
        problem,
        health.stream().map(HandlerPanel::of).toList());
  }

  private static String summary(DeliverySearch search, long total) {
    if (total == 0) {
      return search.filtered() ? "No delivery matches the filter." : "No delivery is stored yet.";
    }
    String count = total == 1 ? "1 delivery" : total + " deliveries";
    return (search.filtered() ? count + " match the filter" : count + " stored")
        + ", newest first.";
  }

  private static List<Option> statuses(String selected) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any status", selected.isEmpty()));
    for (String status : List.of("pending", "delivered", "dead")) {
      options.add(
          new Option(
              status,
              Character.toUpperCase(status.charAt(0)) + status.substring(1),
              status.equals(selected)));
    }
    return options;
  }

  private static List<Option> events(String selected) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any event", selected.isEmpty()));
    for (String event : EVENTS) {
      options.add(new Option(event, event, event.equals(selected)));
    }
    if (!selected.isEmpty() && !EVENTS.contains(selected)) {
      options.add(new Option(selected, selected, true));
    }
    return options;
  }
}
