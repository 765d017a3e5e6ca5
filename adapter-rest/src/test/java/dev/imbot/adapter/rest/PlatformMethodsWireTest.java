package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform methods SDKs call on their own ({@code server.time}, {@code profile}, {@code
 * methods}) over real HTTP, in Bitrix24's shapes, alone and inside {@code batch}.
 */
@MicronautTest
class PlatformMethodsWireTest extends WireTest {
  /** Every method the service answers today. */
  private static final List<String> ALL_METHODS =
      List.of(
          "app.info",
          "batch",
          "event.bind",
          "event.get",
          "event.unbind",
          "im.chat.add",
          "im.chat.leave",
          "im.chat.user.add",
          "im.chat.user.delete",
          "im.dialog.get",
          "im.dialog.messages.get",
          "im.message.add",
          "im.message.command",
          "im.message.delete",
          "im.message.update",
          "imbot.bot.list",
          "imbot.chat.add",
          "imbot.chat.get",
          "imbot.chat.leave",
          "imbot.chat.sendtyping",
          "imbot.chat.setowner",
          "imbot.chat.updatetitle",
          "imbot.chat.user.add",
          "imbot.chat.user.delete",
          "imbot.chat.user.list",
          "imbot.command.answer",
          "imbot.command.register",
          "imbot.command.unregister",
          "imbot.command.update",
          "imbot.dialog.get",
          "imbot.message.add",
          "imbot.message.delete",
          "imbot.message.like",
          "imbot.message.update",
          "imbot.register",
          "imbot.unregister",
          "imbot.update",
          "methods",
          "profile",
          "scope",
          "server.time",
          "user.current");

  private static final List<String> IMBOT_METHODS =
      List.of(
          "imbot.bot.list",
          "imbot.chat.add",
          "imbot.chat.get",
          "imbot.chat.leave",
          "imbot.chat.sendtyping",
          "imbot.chat.setowner",
          "imbot.chat.updatetitle",
          "imbot.chat.user.add",
          "imbot.chat.user.delete",
          "imbot.chat.user.list",
          "imbot.command.answer",
          "imbot.command.register",
          "imbot.command.unregister",
          "imbot.command.update",
          "imbot.dialog.get",
          "imbot.message.add",
          "imbot.message.delete",
          "imbot.message.like",
          "imbot.message.update",
          "imbot.register",
          "imbot.unregister",
          "imbot.update");

  @Inject AdministerPeopleUseCase people;

  @Test
  void givenWebhook_serverTime_answersNowAsIsoDateWithOffset() {
    Instant before = Instant.now().minusSeconds(1);

    Object result = assertSuccess(wire.get(webhook() + "server.time"));

    assertThat(result).isInstanceOf(String.class);
    assertThat((String) result)
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    Instant answered = OffsetDateTime.parse((String) result).toInstant();
    assertThat(answered).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
  }

  @Test
  void givenWebhookOfUser1_profile_answersTheAdministratorInBitrixShape() {
    String name =
        people.list().stream().filter(p -> p.id().value() == 1).findFirst().orElseThrow().name();

    Object result = assertSuccess(wire.postForm(webhook() + "profile.json", ""));

    assertThat(result)
        .isEqualTo(
            Map.of(
                "ID", "1",
                "ADMIN", true,
                "NAME", name,
                "LAST_NAME", "",
                "PERSONAL_GENDER", "",
                "TIME_ZONE", "",
                "TIME_ZONE_OFFSET", new Json.JsonNumber("0", true)));
  }

  @Test
  void givenWebhookOfAnotherPerson_profile_answersThatPersonAsNoAdmin() {
    long id = people.add(new AddPersonCommand("Jane Operator", null)).id().value();
    String prefix = webhooks.create(id).restPath();

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) assertSuccess(wire.get(prefix + "profile"));

    assertThat(result)
        .containsEntry("ID", Long.toString(id))
        .containsEntry("ADMIN", false)
        .containsEntry("NAME", "Jane Operator")
        .containsEntry("LAST_NAME", "");
  }

  @Test
  void givenApplicationToken_profile_answersPortalUser1() {
    String token = applicationToken(unique("profile.app"));

    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>) assertSuccess(wire.get("/rest/profile?auth=" + token));

    assertThat(result).containsEntry("ID", "1").containsEntry("ADMIN", true);
  }

  @Test
  void givenWebhook_methods_listsEveryMethodTheServiceAnswersAndEachIsCallable() {
    String prefix = webhook();

    Object result = assertSuccess(wire.get(prefix + "methods"));

    assertThat(result).isEqualTo(ALL_METHODS);
    for (String method : ALL_METHODS) {
      Wire.Response answer = wire.get(prefix + method);
      assertThat(answer.text()).as(method).doesNotContain("ERROR_METHOD_NOT_FOUND");
    }
    Wire.Response unlisted = wire.get(prefix + "user.get");
    assertThat(unlisted.status()).isEqualTo(404);
  }

  @Test
  void givenScope_methods_listsThatScopeOnly() {
    String prefix = webhook();

    Object imbot = assertSuccess(wire.get(prefix + "methods?scope=imbot"));
    Object global = assertSuccess(wire.get(prefix + "methods?SCOPE="));
    Object unknown = assertSuccess(wire.get(prefix + "methods?scope=crm"));
    Object im = assertSuccess(wire.get(prefix + "methods?scope=im"));

    assertThat(imbot).isEqualTo(IMBOT_METHODS);
    assertThat(global)
        .isEqualTo(
            List.of(
                "app.info",
                "batch",
                "event.bind",
                "event.get",
                "event.unbind",
                "methods",
                "profile",
                "scope",
                "server.time"));
    assertThat(unknown).isEqualTo(List.of());
    assertThat(im)
        .isEqualTo(
            List.of(
                "im.chat.add",
                "im.chat.leave",
                "im.chat.user.add",
                "im.chat.user.delete",
                "im.dialog.get",
                "im.dialog.messages.get",
                "im.message.add",
                "im.message.command",
                "im.message.delete",
                "im.message.update"));
  }

  @Test
  void givenBatch_ofServerTimeProfileAndMethods_answersEachInItsShape() {
    Object result =
        assertSuccess(
            wire.postForm(
                webhook() + "batch",
                PhpQuery.build(
                    params(
                        "halt",
                        "0",
                        "cmd",
                        params(
                            "time", "server.time",
                            "me", "profile",
                            "imbot", "methods?scope=imbot")))));

    @SuppressWarnings("unchecked")
    Map<String, Object> results =
        (Map<String, Object>) ((Map<String, Object>) result).get("result");
    assertThat(results.get("time")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
    assertThat(results.get("me")).asString().contains("ID=1", "ADMIN=true");
    assertThat(results.get("imbot")).isEqualTo(IMBOT_METHODS);
    assertThat(((Map<?, ?>) result).get("result_error")).isEqualTo(List.of());
  }
}
