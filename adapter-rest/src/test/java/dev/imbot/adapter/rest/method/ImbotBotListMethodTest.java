package dev.imbot.adapter.rest.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.adapter.rest.wire.EnvelopeWriter;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotListing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** A bot's entry in {@code imbot.bot.list} is the same map to batch and the same JSON. */
class ImbotBotListMethodTest {
  private static final BotListing BOT =
      BotListing.of(BotId.of(42), BotCode.of("newbot"), "New", "Bot", true);

  private static Map<String, Object> plainEntry() {
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("ID", 42L);
    plain.put("NAME", BOT.fullName());
    plain.put("CODE", "newbot");
    plain.put("OPENLINE", "Y");
    return plain;
  }

  @Test
  void entry_isTheMapOfBitrixKeysInOrder() {
    ImbotBotListMethod.Entry entry = new ImbotBotListMethod.Entry(BOT);

    assertThat(entry).isEqualTo(plainEntry());
    assertThat(List.copyOf(entry.keySet())).containsExactly("ID", "NAME", "CODE", "OPENLINE");
    assertThat(entry.get("CODE")).isEqualTo("newbot");
    assertThat(entry.get("code")).isNull();
    assertThat(entry.containsKey("OPENLINE")).isTrue();
    assertThatThrownBy(
            () -> {
              var keys = entry.entrySet().iterator();
              for (int i = 0; i <= entry.size(); i++) {
                keys.next();
              }
            })
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void entry_writesTheBytesOfThePlainMap() {
    assertThat(EnvelopeWriter.write(Map.of("42", new ImbotBotListMethod.Entry(BOT))))
        .isEqualTo(EnvelopeWriter.write(Map.of("42", plainEntry())));
  }
}
