package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Gender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's {@code imbot.register} example (seed/imbot.register.ru.md) sent the ways real clients
 * send it: CRest's {@code http_build_query} form, JSON, a GET query string, multipart. Each test
 * gets a fresh portal, since the example's e-mail may be used by one bot only.
 */
@MicronautTest(rebuildContext = true)
class SeedExampleWireTest extends WireTest {

  /** The seed example as PHP's {@code http_build_query} encodes it, byte for byte. */
  static String seedForm(String clientId) {
    return "CODE=newbot&TYPE=B&EVENT_HANDLER=http%3A%2F%2Fwww.hazz%2FchatApi%2Fevent.php&OPENLINE=Y"
        + "&CLIENT_ID="
        + clientId
        + "&PROPERTIES%5BNAME%5D=NewBot&PROPERTIES%5BLAST_NAME%5D=&PROPERTIES%5BCOLOR%5D=GREEN"
        + "&PROPERTIES%5BEMAIL%5D=test%40test.ru&PROPERTIES%5BPERSONAL_BIRTHDAY%5D=2016-03-11"
        + "&PROPERTIES%5BWORK_POSITION%5D="
        + "%D0%9B%D1%83%D1%87%D1%88%D0%B8%D0%B9+%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D0%BA"
        + "&PROPERTIES%5BPERSONAL_WWW%5D=http%3A%2F%2Ftest.ru&PROPERTIES%5BPERSONAL_GENDER%5D=F"
        + "&PROPERTIES%5BPERSONAL_PHOTO%5D="
        + SEED_PHOTO.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  @Test
  void givenTheSeedForm_phpQueryHelper_encodesItTheSameWay() {
    assertThat(PhpQuery.build(seedExample("app"))).isEqualTo(seedForm("app"));
    assertThat(seedForm("app")).contains("%2B").contains("%2F").endsWith("%3D");
  }

  @Test
  void givenTheSeedExampleAsPhpForm_registerThroughWebhook_answersTheBotIdAsJsonInteger() {
    Wire.Response response = wire.postForm(webhook() + "imbot.register", seedForm("seedapp"));

    Object result = assertSuccess(response);
    long botId = assertInteger(result);
    assertThat(response.text()).contains("\"result\":" + botId + ",");
    assertStoredSeedBot(botId, ApplicationKey.of("customseedapp"));
  }

  @Test
  void
      givenTheSeedExampleWithItsEmptyClientId_registerThroughWebhook_answers403ClientIdNotSpecified() {
    Wire.Response response = wire.postForm(webhook() + "imbot.register", seedForm(""));

    assertError(response, 403, "ACCESS_DENIED", "Access denied! Client ID not specified");
    assertThat(portal.bots().listAll()).isEmpty();
  }

  @Test
  void givenTheSeedExampleAsJson_registerThroughWebhook_answersTheBotId() {
    Wire.Response response =
        wire.postJson(webhook() + "imbot.register", Json.write(seedExample("seedapp")));

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("customseedapp"));
  }

  @Test
  void givenTheSeedExampleAsGetQuery_registerThroughWebhook_answersTheBotId() {
    Wire.Response response = wire.get(webhook() + "imbot.register?" + seedForm("seedapp"));

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("customseedapp"));
  }

  @Test
  void givenTheSeedExampleAsMultipart_registerThroughWebhook_answersTheBotId() {
    Wire.Response response =
        wire.postMultipart(
            webhook() + "imbot.register", PhpQuery.multipartFields(seedExample("seedapp")));

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("customseedapp"));
  }

  @Test
  void
      givenAnApplicationTokenInTheQuery_registerTheSeedExampleAsForm_registersForThatApplication() {
    String token = applicationToken("seed.app");

    Wire.Response response = wire.postForm("/rest/imbot.register?auth=" + token, seedForm(""));

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("seed.app"));
  }

  @Test
  void givenAnApplicationTokenInTheForm_registerTheSeedExample_registersForThatApplication() {
    String token = applicationToken("seed.app");

    // CRest appends auth to the parameters it encodes.
    Wire.Response response =
        wire.postForm("/rest/imbot.register.json", seedForm("") + "&auth=" + token);

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("seed.app"));
  }

  @Test
  void givenAnApplicationTokenInTheJson_registerTheSeedExample_registersForThatApplication() {
    String token = applicationToken("seed.app");
    Map<String, Object> parameters = seedExample("ignored-with-token-auth");
    parameters.put("auth", token);

    Wire.Response response = wire.postJson("/rest/imbot.register", Json.write(parameters));

    assertStoredSeedBot(assertInteger(assertSuccess(response)), ApplicationKey.of("seed.app"));
  }

  private void assertStoredSeedBot(long botId, ApplicationKey application) {
    assertThat(portal.bots().listAll()).hasSize(1);
    Bot bot = storedBots().get(0);
    assertThat(bot.id().value()).isEqualTo(botId);
    assertThat(bot.application()).isEqualTo(application);
    assertThat(bot.code().value()).isEqualTo("newbot");
    assertThat(bot.type()).isEqualTo(BotType.BOT);
    assertThat(bot.openLines()).isTrue();
    BotProfile profile = bot.profile();
    assertThat(profile.name()).isEqualTo("NewBot");
    assertThat(profile.lastName()).isNull();
    assertThat(profile.color()).isEqualTo(Color.GREEN);
    assertThat(profile.email().value()).isEqualTo("test@test.ru");
    assertThat(profile.birthday()).isEqualTo(LocalDate.of(2016, 3, 11));
    assertThat(profile.workPosition()).isEqualTo("Лучший сотрудник");
    assertThat(profile.personalWww()).isEqualTo("http://test.ru");
    assertThat(profile.gender()).isEqualTo(Gender.FEMALE);
    assertThat(profile.avatar().bytes()).isEqualTo(Base64.getDecoder().decode(SEED_PHOTO));
    // OPENLINE=Y: EVENT_HANDLER stands for all five events, update/delete included.
    Map<BotEvent, HandlerUrl> all = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      all.put(event, boundHandler(HANDLER, application));
    }
    assertThat(portal.handlers().bindingsOf(application).asMap()).isEqualTo(all);
  }
}
