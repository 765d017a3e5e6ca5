package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link ApplicationHandlers}, run against every adapter. */
public abstract class ApplicationHandlersContract extends PortalContract {

  private ApplicationHandlers handlers() {
    return portal.handlers();
  }

  private static HandlerBindings allFive(String base) {
    Map<BotEvent, HandlerUrl> urls = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      urls.put(event, HandlerUrl.of(base + "/" + event.name().toLowerCase(Locale.ROOT)));
    }
    return HandlerBindings.of(urls);
  }

  private void replace(ApplicationKey application, HandlerBindings bindings) {
    inUnitOfWork(() -> handlers().replace(application, bindings));
  }

  private long idOf(ApplicationKey application, BotEvent event) {
    return handlers().bindingFor(application, event).orElseThrow().id();
  }

  @Test
  void givenUnboundEvent_bindingFor_isEmpty() {
    replace(
        APP,
        HandlerBindings.of(Map.of(BotEvent.MESSAGE_ADD, HandlerUrl.of("https://a.example.com/m"))));

    assertThat(handlers().bindingFor(APP, BotEvent.BOT_DELETE)).isEmpty();
    assertThat(handlers().bindingFor(OTHER_APP, BotEvent.MESSAGE_ADD)).isEmpty();
  }

  @Test
  void givenBindingsOfTwoApplications_bindingFor_givesEachBindingItsOwnIdAndUrl() {
    replace(APP, allFive("https://a.example.com"));
    replace(OTHER_APP, allFive("https://b.example.com"));

    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (BotEvent event : BotEvent.values()) {
      assertThat(handlers().bindingFor(APP, event).orElseThrow().url())
          .isEqualTo(handlers().bindingsOf(APP).handlerFor(event).orElseThrow());
      ids.add(idOf(APP, event));
      ids.add(idOf(OTHER_APP, event));
    }
    assertThat(ids).hasSize(10).allMatch(id -> id > 0);
  }

  @Test
  void givenRebindingWithAnotherUrl_replace_keepsTheIdsOfEventsThatStayBound() {
    replace(APP, allFive("https://v1.example.com"));
    long deleteId = idOf(APP, BotEvent.BOT_DELETE);
    long addId = idOf(APP, BotEvent.MESSAGE_ADD);

    replace(
        APP,
        HandlerBindings.of(
            Map.of(
                BotEvent.BOT_DELETE, HandlerUrl.of("https://v2.example.com/gone"),
                BotEvent.MESSAGE_ADD, HandlerUrl.of("https://v1.example.com/message_add"))));

    assertThat(handlers().bindingFor(APP, BotEvent.BOT_DELETE).orElseThrow())
        .isEqualTo(
            new dev.imbot.domain.event.HandlerBinding(
                deleteId, HandlerUrl.of("https://v2.example.com/gone")));
    assertThat(idOf(APP, BotEvent.MESSAGE_ADD)).isEqualTo(addId);
    assertThat(handlers().bindingFor(APP, BotEvent.WELCOME_MESSAGE)).isEmpty();
  }

  @Test
  void givenEventUnboundAndBoundAgain_replace_givesItANewId() {
    HandlerBindings one =
        HandlerBindings.of(
            Map.of(BotEvent.BOT_DELETE, HandlerUrl.of("https://a.example.com/gone")));
    replace(APP, one);
    long first = idOf(APP, BotEvent.BOT_DELETE);
    inUnitOfWork(() -> handlers().removeAll(APP));

    replace(APP, one);

    assertThat(idOf(APP, BotEvent.BOT_DELETE)).isNotEqualTo(first);
  }

  @Test
  void givenUnknownApplication_bindingsOf_returnsNone() {
    assertThat(handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
    assertThat(handlers().bindingsOf(APP).isEmpty()).isTrue();
  }

  @Test
  void givenAllFiveEvents_replaceAndBindingsOf_roundTrips() {
    HandlerBindings bindings = allFive("https://bot.example.com");

    replace(APP, bindings);

    assertThat(handlers().bindingsOf(APP)).isEqualTo(bindings);
    assertThat(handlers().bindingsOf(APP).asMap()).hasSize(5);
  }

  @Test
  void givenLongUrl_replaceAndBindingsOf_keepsItWhole() {
    String longUrl = "https://bot.example.com/" + "a".repeat(HandlerUrl.MAX_LENGTH - 24);
    HandlerBindings bindings =
        HandlerBindings.of(Map.of(BotEvent.MESSAGE_ADD, HandlerUrl.of(longUrl)));

    replace(APP, bindings);

    assertThat(handlers().bindingsOf(APP).handlerFor(BotEvent.MESSAGE_ADD))
        .contains(HandlerUrl.of(longUrl));
  }

  @Test
  void givenStoredBindings_replace_replacesTheWholeSet() {
    replace(APP, allFive("https://v1.example.com"));
    HandlerBindings two =
        HandlerBindings.of(
            Map.of(
                BotEvent.MESSAGE_ADD, HandlerUrl.of("https://v2.example.com/add"),
                BotEvent.BOT_DELETE, HandlerUrl.of("https://v2.example.com/delete")));

    replace(APP, two);

    assertThat(handlers().bindingsOf(APP)).isEqualTo(two);
  }

  @Test
  void givenStoredBindings_replaceWithNone_leavesNone() {
    replace(APP, allFive("https://v1.example.com"));

    replace(APP, HandlerBindings.none());

    assertThat(handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenStoredBindings_removeAll_leavesNone() {
    replace(APP, allFive("https://v1.example.com"));

    inUnitOfWork(() -> handlers().removeAll(APP));

    assertThat(handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenUnknownApplication_removeAll_doesNothing() {
    replace(OTHER_APP, allFive("https://other.example.com"));

    inUnitOfWork(() -> handlers().removeAll(APP));

    assertThat(handlers().bindingsOf(OTHER_APP)).isEqualTo(allFive("https://other.example.com"));
  }

  @Test
  void givenTwoApplications_replaceAndRemoveAll_keepThemApart() {
    HandlerBindings ours = allFive("https://ours.example.com");
    HandlerBindings theirs = allFive("https://theirs.example.com");
    replace(APP, ours);
    replace(OTHER_APP, theirs);

    assertThat(handlers().bindingsOf(APP)).isEqualTo(ours);
    assertThat(handlers().bindingsOf(OTHER_APP)).isEqualTo(theirs);

    replace(APP, HandlerBindings.of(Map.of(BotEvent.MESSAGE_ADD, HandlerUrl.of("https://x.io/a"))));
    assertThat(handlers().bindingsOf(OTHER_APP)).isEqualTo(theirs);

    inUnitOfWork(() -> handlers().removeAll(OTHER_APP));
    assertThat(handlers().bindingsOf(OTHER_APP)).isEqualTo(HandlerBindings.none());
    assertThat(handlers().bindingsOf(APP).asMap()).containsOnlyKeys(BotEvent.MESSAGE_ADD);
  }
}
