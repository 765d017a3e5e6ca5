package dev.imbot.adapter.console;

import dev.imbot.adapter.console.view.DeliveriesPage;
import dev.imbot.adapter.console.view.DeliveryDetailPage;
import dev.imbot.adapter.console.view.DeliverySearch;
import dev.imbot.adapter.console.view.Flash;
import dev.imbot.adapter.console.view.MessagePage;
import dev.imbot.adapter.console.view.Section;
import dev.imbot.application.port.in.delivery.ListDeliveriesQuery;
import dev.imbot.application.port.in.delivery.ListDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthQuery;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthUseCase;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesCommand;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReplayDeliveryCommand;
import dev.imbot.application.port.in.delivery.ReplayDeliveryUseCase;
import dev.imbot.application.port.in.delivery.ShowDeliveryQuery;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase.ShownDelivery;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.HandlerHealth;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/**
 * Console adapter: the Deliveries page: deliveries filtered and paged, newest first, with each
 * handler's health; one delivery with its attempts and body; replaying one, or every dead delivery
 * of the filter shown.
 */
@Controller("/console/deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeliveriesConsoleController {
  private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

  private final Pages pages;
  private final ListDeliveriesUseCase list;
  private final ShowDeliveryUseCase show;
  private final ReplayDeliveryUseCase replay;
  private final ReplayDeadDeliveriesUseCase replayDead;
  private final ReadHandlerHealthUseCase health;

  DeliveriesConsoleController(
      Pages pages,
      ListDeliveriesUseCase list,
      ShowDeliveryUseCase show,
      ReplayDeliveryUseCase replay,
      ReplayDeadDeliveriesUseCase replayDead,
      ReadHandlerHealthUseCase health) {
    this.pages = pages;
    this.list = list;
    this.show = show;
    this.replay = replay;
    this.replayDead = replayDead;
    this.health = health;
  }

  @Get
  HttpResponse<?> deliveries(
      HttpRequest<?> request,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String application,
      @Nullable @QueryValue String bot,
      @Nullable @QueryValue String event,
      @Nullable @QueryValue String handler,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String page) {
    ConsoleSession session = ConsoleSteps.required(request);
    DeliverySearch search =
        DeliverySearch.of(status, application, bot, event, handler, from, to, page);
    var layout = ConsoleSteps.layout("Deliveries", Section.DELIVERIES, session);
    String only = search.application().isEmpty() ? null : search.application();
    List<HandlerHealth> handlers = health.health(new ReadHandlerHealthQuery(only));
    String problem = search.problem();
    if (problem != null) {
      return pages.status(
          HttpStatus.BAD_REQUEST,
          "deliveries",
          DeliveriesPage.refused(layout, search, problem, handlers));
    }
    int size = ListDeliveriesUseCase.PAGE_SIZE;
    var found = list.list(new ListDeliveriesQuery(search.filter(), (search.page() - 1) * size));
    if (found.deliveries().isEmpty() && found.total() > 0 && search.page() > 1) {
      // Past the last page (say after a prune): show the last one.
      int last = (int) ((found.total() + size - 1) / size);
      return ConsoleSteps.seeOther(search.hrefOfPage(last));
    }
    return pages.ok("deliveries", DeliveriesPage.of(layout, search, found, size, handlers));
  }

  @Get("/{id}")
  HttpResponse<?> delivery(HttpRequest<?> request, @PathVariable String id) {
    ConsoleSession session = ConsoleSteps.required(request);
    Optional<ShownDelivery> shown = find(id);
    if (shown.isEmpty()) {
      return pages.status(
          HttpStatus.NOT_FOUND,
          "message",
          new MessagePage(
              "Not found",
              "No delivery has the id "
                  + id
                  + ". Deliveries are deleted some days after they finished.",
              "/console/deliveries",
              "Back to the deliveries"));
    }
    return pages.ok(
        "delivery",
        DeliveryDetailPage.of(
            ConsoleSteps.layout("Delivery " + id, Section.DELIVERIES, session), shown.get()));
  }

  @Post(uri = "/{id}/replay", consumes = FORM)
  HttpResponse<?> replay(HttpRequest<?> request, @PathVariable String id, @Nullable String csrf) {
    return ConsoleSteps.changeThenShow(
        pages,
        request,
        csrf,
        "/console/deliveries/" + id,
        () -> {
          DeliveryRecord replayed = replay.replay(new ReplayDeliveryCommand(number(id)));
          return Flash.done(
              "Delivery "
                  + replayed.id()
                  + " is replayed: it is pending again and goes to its handler now.");
        });
  }

  /** Replays every dead delivery of the filter sent (the page's own filter, as hidden fields). */
  @Post(uri = "/replay-dead", consumes = FORM)
  HttpResponse<?> replayDead(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String status,
      @Nullable String application,
      @Nullable String bot,
      @Nullable String event,
      @Nullable String handler,
      @Nullable String from,
      @Nullable String to) {
    // The dead ones of the filter, whatever status the page showed; back to that page after.
    DeliverySearch shown =
        DeliverySearch.of(status, application, bot, event, handler, from, to, null);
    DeliverySearch search =
        DeliverySearch.of(null, application, bot, event, handler, from, to, null);
    return ConsoleSteps.changeThenShow(
        pages,
        request,
        csrf,
        shown.href(),
        () -> {
          DeliveryFilter filter = search.filter();
          int count = replayDead.replayDead(new ReplayDeadDeliveriesCommand(filter));
          return count == 0
              ? Flash.done("No dead delivery matches the filter: nothing was replayed.")
              : Flash.done(
                  (count == 1 ? "1 dead delivery is" : count + " dead deliveries are")
                      + " replayed: pending again, they go to their handlers now.");
        });
  }

  private Optional<ShownDelivery> find(String id) {
    try {
      return show.show(new ShowDeliveryQuery(Long.parseLong(id)));
    } catch (NumberFormatException notAnId) {
      return Optional.empty();
    }
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException notAnId) {
      throw new IllegalArgumentException("No delivery has the id " + id + ".");
    }
  }
}
