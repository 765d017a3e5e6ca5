package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of the command handler of {@link ApplicationHandlers} ({@code ONIMCOMMANDADD}): one per
 * application, the last one bound wins, kept apart from the bot events' handlers.
 */
public abstract class CommandHandlerBindingContract extends PortalContract {
  private static final HandlerUrl V1 = HandlerUrl.of("https://bot.example.com/commands?v=1");
  private static final HandlerUrl V2 = HandlerUrl.of("https://bot.example.com/commands?v=2");

  private ApplicationHandlers handlers() {
    return portal.handlers();
  }

  private HandlerBinding bind(ApplicationKey application, HandlerUrl url) {
    return inUnitOfWork(() -> handlers().bindCommandHandler(application, url));
  }

  private static HandlerBindings messageAdd(String url) {
    return HandlerBindings.of(Map.of(BotEvent.MESSAGE_ADD, HandlerUrl.of(url)));
  }

  @Test
  void givenNoCommandHandler_commandHandlerOf_isEmpty() {
    assertThat(handlers().commandHandlerOf(APP)).isEmpty();
  }

  @Test
  void givenApplicationNeverSeen_bindCommandHandler_bindsItWithAnId() {
    HandlerBinding bound = bind(APP, V1);

    assertThat(bound.id()).isPositive();
    assertThat(bound.url()).isEqualTo(V1);
    assertThat(handlers().commandHandlerOf(APP)).contains(bound);
  }

  @Test
  void givenBoundHandler_bindingAnother_replacesTheUrlAndKeepsTheId() {
    HandlerBinding first = bind(APP, V1);

    HandlerBinding second = bind(APP, V2);

    assertThat(second).isEqualTo(new HandlerBinding(first.id(), V2));
    assertThat(handlers().commandHandlerOf(APP)).contains(second);
  }

  @Test
  void givenCommandHandler_botEventBindings_neitherShowNorReplaceIt() {
    inUnitOfWork(() -> handlers().replace(APP, messageAdd("https://bot.example.com/add")));
    HandlerBinding command = bind(APP, V1);

    inUnitOfWork(() -> handlers().replace(APP, messageAdd("https://bot.example.com/add2")));
    assertThat(handlers().bindingsOf(APP)).isEqualTo(messageAdd("https://bot.example.com/add2"));
    assertThat(handlers().commandHandlerOf(APP)).contains(command);

    inUnitOfWork(() -> handlers().replace(APP, HandlerBindings.none()));
    assertThat(handlers().bindingsOf(APP).isEmpty()).isTrue();
    assertThat(handlers().commandHandlerOf(APP)).contains(command);
  }

  @Test
  void givenCommandHandler_bindingBotEvents_givesThemOtherIds() {
    HandlerBinding command = bind(APP, V1);
    inUnitOfWork(() -> handlers().replace(APP, messageAdd("https://bot.example.com/add")));

    assertThat(handlers().bindingFor(APP, BotEvent.MESSAGE_ADD).orElseThrow().id())
        .isNotEqualTo(command.id());
  }

  @Test
  void givenCommandHandler_removeAll_removesItToo() {
    bind(APP, V1);
    bind(OTHER_APP, V2);

    inUnitOfWork(() -> handlers().removeAll(APP));

    assertThat(handlers().commandHandlerOf(APP)).isEmpty();
    assertThat(handlers().commandHandlerOf(OTHER_APP).orElseThrow().url()).isEqualTo(V2);
  }
}
