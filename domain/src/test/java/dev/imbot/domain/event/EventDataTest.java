package dev.imbot.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventDataTest {

  @Test
  void givenKeysPutInOrder_asMap_keepsThatOrderAtEveryLevel() {
    EventData bot = EventData.builder().put("BOT_ID", 42).put("BOT_CODE", "echo").build();
    EventData data =
        EventData.builder()
            .put("BOT", EventData.builder().put("42", bot).build())
            .put("PARAMS", EventData.builder().put("MESSAGE", "hi").build())
            .build();

    assertThat(data.asMap().keySet()).containsExactly("BOT", "PARAMS");
    assertThat(data.nested("BOT").orElseThrow().nested("42").orElseThrow().asMap().keySet())
        .containsExactly("BOT_ID", "BOT_CODE");
    assertThat(bot.text("BOT_ID")).contains("42");
    assertThat(data.text("BOT")).isEmpty();
  }

  @Test
  void givenSameEntriesInAnotherOrder_equals_isFalse() {
    EventData one = EventData.builder().put("A", "1").put("B", "2").build();
    EventData other = EventData.builder().put("B", "2").put("A", "1").build();

    assertThat(one).isNotEqualTo(other);
    assertThat(one).isEqualTo(EventData.builder().put("A", "1").put("B", "2").build());
  }

  @Test
  void givenEmptyKeyOrNullValue_put_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> EventData.builder().put("", "x"));
    assertThatThrownBy(() -> EventData.builder().put("A", (String) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenBuiltTree_asMap_isUnmodifiable() {
    EventData data = EventData.builder().put("A", "1").build();

    assertThatThrownBy(() -> data.asMap().put("B", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
