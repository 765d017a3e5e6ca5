package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BotEventsTest {

  @Test
  void givenDeletedBot_deleted_isOnimbotdeleteWithBotIdAndCodeOnlyForTheBinding() {
    Bot bot = TestBots.bot(39, "app.test", "newbot");
    HandlerBinding binding = new HandlerBinding(7, HandlerUrl.of(TestBots.SEED_HANDLER));
    Instant at = Instant.parse("2026-03-11T10:15:30Z");

    PendingEvent event = BotEvents.deleted(bot.summary(), binding, at);

    assertThat(event.application()).isEqualTo(bot.application());
    assertThat(event.event()).isEqualTo("ONIMBOTDELETE");
    assertThat(event.handlerBindingId()).isEqualTo(7);
    assertThat(event.handler()).isEqualTo(binding.url());
    assertThat(event.data())
        .isEqualTo(EventData.builder().put("BOT_ID", "39").put("BOT_CODE", "newbot").build());
    assertThat(event.data().asMap()).containsOnlyKeys("BOT_ID", "BOT_CODE");
    assertThat(event.subjects()).isEqualTo(AuthSubjects.none());
    assertThat(event.createdAt()).isEqualTo(at);
  }
}
