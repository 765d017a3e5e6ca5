package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A portal without bots: {@code imbot.bot.list} answers {@code []}, as Bitrix24 does. */
@MicronautTest
class EmptyPortalWireTest extends WireTest {

  @Test
  void givenNoBotsAtAll_botList_answersAnEmptyJsonArray() {
    for (Wire.Response response :
        List.of(
            wire.get(webhook() + "imbot.bot.list"),
            wire.postJson(
                "/rest/imbot.bot.list",
                "{\"auth\":\"" + applicationToken(unique("empty")) + "\"}"))) {
      assertThat(assertSuccess(response)).isEqualTo(List.of());
      assertThat(response.text()).startsWith("{\"result\":[],\"time\":{");
    }
  }

  @Test
  void givenNoBotsAtAll_unregisterAnyId_answersBotNotFound() {
    Envelopes.assertError(
        wire.postForm(webhook() + "imbot.unregister", "CLIENT_ID=x&BOT_ID=1"),
        400,
        "BOT_ID_ERROR",
        "Bot not found");
  }
}
