package dev.imbot.application.port.in.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.MintEventTokensUseCase.EventAuth;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bot token blocks written into an event's {@code data}, where Bitrix24 puts them. */
class EventAuthTest {
  private static final EventData TOKENS =
      EventData.builder().put("access_token", "a1").put("user_id", "42").build();
  private static final EventAuth AUTH =
      new EventAuth(
          EventData.builder().put("access_token", "u1").build(), Map.of(UserId.of(42), TOKENS));

  private static EventData ids(String... pairs) {
    EventData.Builder out = EventData.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out.build();
  }

  @Test
  void givenMessageEvent_mergeInto_writesTheBlockBeforeTheBotsIds() {
    EventData data =
        EventData.builder()
            .put(
                "BOT",
                EventData.builder().put("42", ids("BOT_ID", "42", "BOT_CODE", "echo")).build())
            .put("PARAMS", ids("MESSAGE", "hi"))
            .build();

    EventData merged = AUTH.mergeInto(data);

    EventData bot = merged.nested("BOT").orElseThrow().nested("42").orElseThrow();
    assertThat(List.copyOf(bot.asMap().keySet()))
        .containsExactly("access_token", "user_id", "AUTH", "BOT_ID", "BOT_CODE");
    assertThat(bot.nested("AUTH")).contains(TOKENS);
    assertThat(List.copyOf(merged.asMap().keySet())).containsExactly("BOT", "PARAMS");
  }

  @Test
  void givenCommandEvent_mergeInto_writesTheBotsBlockIntoEachCommandOfIt() {
    EventData data =
        EventData.builder()
            .put(
                "COMMAND",
                EventData.builder()
                    .put("7", ids("BOT_ID", "42", "COMMAND", "echo"))
                    .put("8", ids("BOT_ID", "43", "COMMAND", "help"))
                    .build())
            .put("PARAMS", ids("MESSAGE", "/echo"))
            .build();

    EventData merged = AUTH.mergeInto(data);

    EventData echo = merged.nested("COMMAND").orElseThrow().nested("7").orElseThrow();
    assertThat(List.copyOf(echo.asMap().keySet()))
        .containsExactly("access_token", "user_id", "AUTH", "BOT_ID", "COMMAND");
    assertThat(merged.nested("COMMAND").orElseThrow().nested("8"))
        .contains(ids("BOT_ID", "43", "COMMAND", "help"));
  }

  @Test
  void givenNoBotBlocks_mergeInto_changesNothing() {
    EventData data =
        EventData.builder()
            .put("COMMAND", EventData.builder().put("7", ids("BOT_ID", "42")).build())
            .build();

    assertThat(new EventAuth(EventData.empty(), Map.of()).mergeInto(data)).isEqualTo(data);
  }
}
